/** Education, skills and employment (format: kinds.ts). */
export const LEARNING = `
@learning-partnership | thematic | education employment-skills | learning-core | Learning | college university lsc
O Learning Partnership :: To raise standards and widen participation in learning at every age, from the early years to adult education
E Learning for Life Partnership :: Everyone in {place} getting the chance to learn, whatever their age or background
T Lifelong Lrng Ptnrshp :: LSC; learning plan
P Education Improvement Partnership :: Groups of schools and the college working together on standards, behaviour and the curriculum

@fourteen-nineteen | topic | education employment-skills | youth-ete | 14-19 | college connexions lsc chamber
O 14-19 Strategic Partnership :: To plan and deliver a coherent 14-19 curriculum, including Diplomas, apprenticeships and Foundation Learning
E Choices at Fourteen Group :: Schools, the college and employers making sure every teenager has a course that suits them
T 14-19 Grp :: diploma lines; IAG
P Diploma Gateway Consortium :: Schools and the college jointly delivering the engineering, health and creative Diplomas

@school-improvement | topic | education | school-standards | Standards | university diocese
O School Improvement Partnership :: To raise attainment at key stages 2 and 4, including five or more A*-C GCSEs with English and maths (NI 75), and support schools causing concern
E Better Schools Group :: Headteachers helping each other so every school is good and every child leaves with decent results
T SIP Bd :: floor targets; schools causing concern
P National Challenge Steering Group :: Support for secondary schools below the thirty per cent floor target

@narrowing-gap | topic | education children-young-people | school-standards | Attainment gap | university college
O Narrowing the Gap Group :: To close the attainment gap between pupils eligible for free school meals and their classmates (NI 102)
E Every Child Achieving Group :: Making sure poorer children do as well at school as everyone else
T FSM Gap Grp :: NI 102; pupil premium
P Pupil Premium Champions Network :: Schools sharing what works in spending their extra money for disadvantaged pupils

@admissions | topic | education | school-access | Admissions | diocese parent-carer
O Admissions Forum :: To advise on school admission arrangements, the coordinated scheme and fair access for pupils who arrive during the school year
E School Places Group :: Making sure every child gets a fair chance of a place at a local school, including families who move here mid-year
T Adms Forum :: co-ord scheme; oversubscription criteria
P School Place Planning Group :: Forecasts pupil numbers and plans new and expanded schools and classrooms

@exclusions | topic | education children-young-people | school-access | Exclusions | yos mh-trust
O Behaviour and Attendance Partnership :: To reduce permanent exclusions from school (NI 114) and make sure excluded pupils receive full-time education from the sixth day
E Staying in School Group :: Heads agreeing how to help pupils at risk of being thrown out, including a fresh start at another school
T Exclusions Panel :: PRU; managed moves; NI 114
P Alternative Provision Commissioning Group :: Commissions pupil referral unit and alternative provision places for excluded pupils

@attendance | topic | education children-young-people | school-access | Absence | yos
O Attendance Strategy Group :: To reduce persistent absence from secondary schools (NI 87) through early intervention, parenting contracts and legal action where needed
E Every Day Counts Group :: Getting children into school every day and on time, and finding out why some keep missing
T PA Grp :: persistent absentees; EWS
P Truancy Sweeps Steering Group :: Plans joint police and education welfare patrols and fixed penalty notices

@send | topic | education children-young-people | send | SEN | parent-carer community-health
O Special Educational Needs Partnership :: To improve provision and outcomes for pupils with special educational needs and disabilities, from early identification to education, health and care plans
E Inclusion Group :: Helping mainstream schools include children with extra needs, and getting parents the support they need
T SEND Grp :: EHCPs; 20-week; high needs
P SEND Reforms Implementation Board :: Delivers the Children and Families Act 2014 reforms and the local offer

@schools-forum | topic | education | schools-funding | Funding | diocese | unitary
O Schools Forum :: To advise the local authority on the schools budget, the funding formula and the dedicated schools grant
E School Funding Group :: Heads and governors deciding how the money for schools is shared out
T SF :: DSG; de-delegation
P High Needs Block Working Group :: Reviews special needs and early years spending within the grant

@aimhigher | topic | education employment-skills | higher-ed | Higher education | university college
O Aimhigher Partnership :: To widen participation in higher education by raising the aspirations and attainment of young people from under-represented groups
E Going to Uni Group :: Campus visits, student mentors and summer schools so teenagers whose parents never went to university think about it
T WP Grp :: HE progression; POLAR
P Uni Connect Partnership :: Outreach in target schools funded by the Office for Students

@adult-learning | topic | education employment-skills | adult-learning | Adult learning | college wea library-friends
O Adult and Community Learning Partnership :: To plan adult and community learning so that it reaches people with few qualifications and supports family learning
E Never Too Late to Learn Group :: Evening classes, family learning and courses in community centres for grown-ups
T ACL Grp :: PCDL; family learning
P Family Learning Programme Board :: Courses where parents and children learn together in schools and children's centres

@basic-skills | topic | employment-skills education | adult-learning | Literacy | college wea jcp
O Skills for Life Partnership :: To improve adult literacy, language and numeracy (NI 161, NI 162) so more people gain entry level and level 1 qualifications
E Reading and Maths for Adults Group :: Help for grown-ups who struggle with reading, writing or sums, in a friendly place
T SfL Grp :: L1 lit & num
P Get On Campaign Steering Group :: Promotes free basic skills courses through employers and trade unions

@esol | topic | education community-cohesion | language | ESOL | college refugee wea mosques
O ESOL Partnership :: To coordinate English for Speakers of Other Languages provision and waiting lists across colleges, community and workplace providers
E English Classes Network :: Helping people who have come to live here learn English for work, shopping and talking to their children's teachers
T ESOL Grp :: waiting lists; entry 1-3
P English for Integration Programme :: Conversation clubs in community venues for women and new arrivals

@governors | topic | education | governance-schools | Governors | diocese chamber
O School Governor Recruitment Group :: To recruit, train and retain school governors and fill vacancies in schools in disadvantaged areas
E Be a Governor Campaign :: Finding local people and business volunteers to help run their local school
T Governor Svcs Grp :: vacancies; training
P Inspiring Governance Network :: Matches volunteers with skills to school governing boards

@education-business | topic | education economy-regeneration employment-skills | employers | Work experience | chamber college
O Education Business Partnership :: To link schools with employers through work experience, enterprise education and careers events
E Schools and Business Link Group :: Local firms giving pupils a taste of the world of work
T EBP :: work exp placements; enterprise days
P Enterprise Adviser Network :: Business volunteers helping schools build careers programmes against the Gatsby benchmarks

@school-buildings | topic | education | school-buildings | Buildings | diocese
O Building Schools for the Future Project Board :: To rebuild or remodel every secondary school through the BSF programme and its local education partnership
E New Schools Group :: Planning new and refurbished school buildings fit for the twenty-first century
T BSF Bd :: wave 4; LEP; ICT
P Primary Capital Programme Board :: Rebuilding and refurbishing primary schools under the strategy for change

@employment-skills-board | thematic | employment-skills economy-regeneration | jobs-core | Employment | jcp college lsc chamber
O Employment and Skills Board :: To raise the skills of the workforce and get more local people into sustained employment, in line with the employment and skills plan
E Jobs and Skills {place} :: Employers, the college and the Jobcentre making sure people have the skills local firms need
T ESB :: NI 151, NI 163; skills plan
P Work and Skills Plan Board :: Steers the work and skills plan agreed with the regional development agency

@worklessness | topic | employment-skills neighbourhood-renewal | jobs | Worklessness | jcp cab college housing-assoc
O Worklessness Group :: To reduce the number of working-age people on out-of-work benefits (NI 152), particularly in the worst-performing neighbourhoods (NI 153)
E Back to Work Network :: Helping people who have been unemployed a long time, lone parents and people on sickness benefits into jobs
T Wklessness Grp :: NI 152/153; outreach
P City Strategy Pathfinder Consortium :: Joins up welfare-to-work provision and pools funding to get claimants into jobs

@health-and-work | topic | employment-skills health-wellbeing | jobs | Incapacity | jcp mh-trust mind
O Health and Work Partnership :: To help people with health conditions stay in work or return to work, and reduce flows onto incapacity benefits (NI 173)
E Fit for Work Group :: Advice and support so people off sick with a bad back or stress do not lose their jobs
T H&W Grp :: IB/ESA; condition mgmt
P Pathways to Work Steering Group :: Oversees the programme for incapacity benefit claimants, with condition management from the NHS

@apprenticeships | topic | employment-skills | apprentices | Apprenticeships | college chamber jcp
O Apprenticeships Task Group :: To increase apprenticeship starts, especially among 16-18 year olds and in small firms
E Earn While You Learn Group :: Persuading local firms to take on apprentices and helping school leavers apply
T Apps Grp :: starts; levy transfer
P Apprenticeship Training Agency Board :: Employs apprentices and places them with small employers who cannot take one on directly

@employer-engagement | topic | employment-skills economy-regeneration | employers | Employers | chamber jcp fsb college
O Local Employment Partnership :: To secure pledges from employers to recruit disadvantaged jobseekers, with pre-employment training and guaranteed interviews
E Local Jobs for Local People Group :: Getting big employers and new developments to take on people from {place}
T LEP Jobs Pledge Grp :: employer pledges; vacancies
P Section 106 Jobs and Training Board :: Uses planning agreements to secure local jobs and training on new developments

@redundancy | topic | employment-skills economy-regeneration | redundancy | Redundancy | jcp college chamber
O Redundancy Response Task Group :: To provide a coordinated response to large-scale redundancies, with advice, retraining and job matching for affected workers
E Jobs Rescue Team :: When a factory closes, getting workers help with new jobs, training and money advice fast
T Rapid Response Grp :: PACE; major closures
P Economic Recovery Task Force :: Responding to the recession: help for firms in difficulty and people who have lost their jobs

@financial-inclusion | topic | community-cohesion employment-skills | money | Debt | cab credit-union housing-assoc
O Financial Inclusion Partnership :: To improve access to affordable credit, bank accounts and free debt advice, and tackle illegal money lending
E Money Advice Network :: Helping people sort out debts, steer clear of loan sharks and open a bank account
T FI Grp :: debt advice; credit union
P Welfare Reform Task Group :: Prepares residents and services for universal credit, the benefit cap and the removal of the spare room subsidy

@digital-inclusion | topic | community-cohesion employment-skills | digital | Digital | library-friends college housing-assoc
O Digital Inclusion Partnership :: To get more residents online and confident using the internet, with free access points and basic digital skills training
E Get Online Group :: Helping people who have never used a computer to email, shop and apply for jobs online
T DI Grp :: offline adults; access centres
P Digital Champions Network :: Trains volunteers to help friends, neighbours and tenants get online
`;
