/** Children and young people (format: kinds.ts). */
export const CHILDREN = `
@childrens-trust | thematic | children-young-people | cyp-core | Children | connexions college community-health
O Children's Trust Board :: To bring together services for children and young people and deliver the Children and Young People's Plan against the five Every Child Matters outcomes
E Children and Young People's Partnership :: Making {place} a great place to grow up, where every child is healthy, safe and gets a good start in life
T CT Bd :: CYPP; ECM outcomes
P Change for Children Programme Board :: Oversees the local change for children programme and its outcomes framework

@safeguarding-children | statutory | children-young-people | safeguarding-children | Safeguarding | community-health acute-trust | stat=safeguarding-children unitary
O Local Safeguarding Children Board :: To coordinate and ensure the effectiveness of what each agency does to safeguard and promote the welfare of children (Children Act 2004, s.13-16)
E Keeping Children Safe Partnership :: Making sure every agency spots and acts on abuse and neglect, and learns from cases where children were harmed
T LSCB :: SCRs; s11 audits; thresholds
P Safeguarding Children Partnership :: The three safeguarding partners' local arrangements, with child safeguarding practice reviews and a yearly report

@early-years | topic | children-young-people education | early-years | Childcare | homestart community-health
O Early Years and Childcare Partnership :: To secure sufficient, high-quality childcare and early education for under-fives and narrow the gap in the Early Years Foundation Stage (NI 72)
E Best Start Group :: Nurseries, childminders and health visitors helping little ones be ready for school
T EYDCP :: sufficiency; EYFS; 3-4 offer
P Two-Year-Old Offer Steering Group :: Increases take-up of free early education places for disadvantaged two-year-olds

@looked-after | topic | children-young-people | looked-after | Looked after | college community-health
O Corporate Parenting Board :: To make sure the council and its partners act as good parents to children in care, improving their placements, health and education (NI 58, NI 63)
E Children in Care Council :: Young people in care telling councillors what needs to change, and holding them to their promises
T LAC Grp :: placement stability; PEPs
P Virtual School Governing Body :: Oversees the virtual head's work to raise attainment of looked-after pupils

@care-leavers | topic | children-young-people housing employment-skills | looked-after | Care leavers | foyer college jcp housing-assoc
O Leaving Care Partnership :: To improve outcomes for care leavers aged 16-25: suitable accommodation, education, training and employment
E Moving On Group :: Helping young people leaving care to find a flat, a job or a course, and somebody to turn to
T Care Leavers Grp :: 19-21 EET; pathway plans
P Staying Put Implementation Group :: Lets young people stay with foster carers after eighteen and funds the local offer for care leavers

@child-poverty | topic | children-young-people employment-skills | poverty | Child poverty | cab jcp credit-union foodbank
O Child Poverty Strategy Group :: To reduce the proportion of children living in poverty (NI 116) through work, skills, benefit take-up and help with living costs
E Ending Child Poverty Alliance :: Fewer children going without: more parents in decent work and more money in families' pockets
T Child Pov Grp :: NI 116; needs assessment
P Family Poverty Pilot Board :: Work-focused advice and money checks for parents in children's centres

@neet | topic | employment-skills children-young-people | youth-ete | NEET | connexions college jcp yos
O NEET Reduction Strategy Group :: To reduce the proportion of 16-18 year olds not in education, employment or training (NI 117) and improve tracking of their destinations
E Young People into Work and Learning Group :: Helping school leavers who are drifting to find a course, an apprenticeship or a job
T NEET Grp :: NI 117; not knowns
P September Guarantee Group :: Makes sure every 16 and 17 year old gets an offer of a suitable place in learning

@positive-activities | topic | children-young-people culture-leisure | youth-activities | Youth | ymca sports-council youth-council
O Positive Activities for Young People Partnership :: To increase participation in positive activities by 13-19 year olds (NI 110), particularly in the evenings, at weekends and in the holidays
E Things to Do Group :: Clubs, sport, music and trips so teenagers have somewhere to go and something to do
T PAYP Grp :: NI 110; holiday prog
P Youth Opportunity Fund Panel :: Teenagers deciding which projects get money from the youth opportunity and youth capital funds

@youth-voice | topic | children-young-people community-cohesion | voice-young | Participation | youth-council college
O Youth Participation Strategy Group :: To make sure children and young people are involved in decisions that affect them, in line with Hear by Right
E Young People's Forum :: Teenagers speaking up for teenagers and getting adults to listen
T YP Participation Grp :: Hear by Right; UKYP
P Young Mayor Programme Board :: Supports the elected young mayor and their budget, and the youth parliament elections

@young-carers | topic | children-young-people adult-social-care | carers | Young carers | young-carers carers
O Young Carers Strategy Group :: To identify young carers early and make sure no child's education or health suffers because of caring for a family member
E Kids Who Care Network :: Breaks, clubs and someone at school who understands, for children looking after a mum, dad, brother or sister
T YC Grp :: identification; whole-family assessment
P Young Carers in Schools Programme :: Helps schools gain the young carers award and name a lead member of staff

@disabled-children | topic | children-young-people | send | Disabled children | parent-carer community-health mencap
O Aiming High for Disabled Children Board :: To transform services for disabled children and their families, including short breaks (NI 54) and transition to adulthood
E Parent Carers Partnership :: Parents of disabled children working with the council and the NHS on short breaks, equipment and getting a diagnosis
T Short Breaks Grp :: AHDC; NI 54
P Transition Planning Group :: Plans the move from children's to adult services for disabled young people aged 14-25

@camhs | topic | children-young-people health-wellbeing | mental-health-young | CAMHS | mh-trust community-health
O Child and Adolescent Mental Health Services Partnership :: To improve the emotional health of children (NI 50) and the effectiveness of CAMHS (NI 51) across all four tiers
E Young Minds Matter Group :: Help for children and teenagers who are anxious, low or self-harming, at school and at home, without long waits
T CAMHS Grp :: tier 2-3; waits; NI 51
P Targeted Mental Health in Schools Project Board :: Runs the TaMHS pathfinder in primary and secondary schools

@parenting | topic | children-young-people | families | Parenting | homestart relate community-health
O Parenting Strategy Group :: To make evidence-based parenting programmes available to parents of children of all ages and coordinate family support
E Parents Together Network :: Classes and drop-ins for mums and dads who are struggling with their children's behaviour
T Parenting Grp :: Triple P; Incredible Years
P Parenting Early Intervention Programme Board :: Commissions Strengthening Families courses and trains practitioners to run them

@troubled-families | topic | children-young-people community-safety | families | Families | jcp yos housing-assoc
O Troubled Families Programme Board :: To turn around families with multiple problems: crime and anti-social behaviour, children out of school and adults out of work
E Family Intervention Project Steering Group :: One key worker sticking with the whole family to sort out their problems, instead of lots of agencies each dealing with a bit
T TF Bd :: PbR claims; 3 criteria
P Supporting Families Outcomes Group :: Tracks outcomes under the national framework and the earned autonomy grant

@early-help | topic | children-young-people | families | Early help | homestart community-health
O Early Help Partnership :: To identify children and families who need extra support early and coordinate it through the Common Assessment Framework and a lead professional
E Team Around the Family Group :: Getting help to families before problems become a crisis, with one plan and one person everyone trusts
T CAF/TAC Grp :: CAF completions; lead prof
P Early Help Hub Steering Group :: Runs the front door where requests for help are triaged to the right service

@anti-bullying | topic | children-young-people education | school-wellbeing | Bullying | youth-council
O Anti-Bullying Strategy Group :: To reduce the percentage of children who experience bullying (NI 69), including cyberbullying and prejudice-based bullying
E Beat Bullying Network :: Pupils, teachers and parents working so that no child is scared to go to school
T AB Grp :: NI 69; peer mentors
P Anti-Bullying Ambassadors Programme :: Trains pupils as ambassadors and runs the annual awareness week in every school

@healthy-schools | topic | education health-wellbeing | school-wellbeing | Healthy schools | community-health
O Healthy Schools Programme Board :: To support schools to achieve National Healthy Schools Status across PSHE, healthy eating, physical activity and emotional health
E Healthy Schools Network :: School nurses, PE teachers and cooks helping pupils eat well, keep fit and feel good
T HS Grp :: NHSS; enhanced model
P School Nursing Service Board :: Commissions the school nursing service: height and weight checks, drop-ins and vaccinations

@play | topic | children-young-people culture-leisure | play | Play | play-association parks-forum
O Play Partnership :: To improve children's access to free, inclusive play and play areas (NI 199), in line with the play strategy
E Out to Play Group :: Playgrounds, adventure playgrounds and playworkers so children can play outside safely
T Play Grp :: Playbuilder sites; NI 199
P Playbuilder Programme Board :: Spends the capital grant on twenty-two new and refurbished play areas

@youth-homelessness | topic | housing children-young-people | homeless | Youth homelessness | foyer homeless-charity connexions
O Youth Homelessness Prevention Group :: To prevent homelessness among 16-24 year olds through mediation, joint assessment and supported lodgings
E Young People's Housing Forum :: Helping teenagers who can't stay at home: family mediation, a safe bed for the night and a supported flat
T 16-17 Protocol Grp :: joint assessment; Southwark duties
P Nightstop and Supported Lodgings Board :: Runs emergency placements with volunteer hosts and longer supported lodgings
`;
