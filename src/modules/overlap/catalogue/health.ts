/** Health and wellbeing (format: kinds.ts). */
export const HEALTH = `
@health-partnership | thematic | health-wellbeing | health-core | Health | community-health acute-trust mh-trust healthwatch
O Health and Wellbeing Partnership :: To improve the health of local people and narrow the gap in life expectancy between the most and least deprived wards (NI 120)
E Healthier {place} :: Helping everyone live longer, healthier lives, whichever part of the district they live in
T Health Ptnrshp :: HImP; LAA health block
P Healthy Communities Block Board :: Leads the healthier communities and older people block of the Local Area Agreement

@hwb | statutory | health-wellbeing adult-social-care | health-core | Wellbeing | community-health acute-trust healthwatch mh-trust | stat=health-wellbeing-board unitary era=ccg,icb replaces=health-partnership
O Health and Wellbeing Board :: Statutory board under the Health and Social Care Act 2012: publishes the Joint Strategic Needs Assessment and the joint health and wellbeing strategy and promotes integrated working
E Health and Care Leaders Group :: NHS, council and community leaders agreeing how to keep people well and how to spend health and care money together
T HWB :: JSNA; JHWS; sign-off
P Better Care Fund Board :: Agrees and monitors the pooled plan of NHS and social care money under section 75

@health-inequalities | topic | health-wellbeing neighbourhood-renewal | health-gap | Inequalities | community-health healthwatch
O Health Inequalities Group :: To narrow the gap in life expectancy and infant mortality between the spearhead wards and the rest of the district
E Fair Shares for Health Group :: People in the poorest streets die years earlier; this group makes sure help goes where it is needed most
T HI Steering Grp :: spearhead; LE gap
P Marmot Place Programme Board :: Acting on the social causes of ill health, such as poor housing, low pay and lack of work, following the Marmot principles

@tobacco | topic | health-wellbeing | lifestyle | Smoking | community-health pharmacy
O Tobacco Control Alliance :: To reduce smoking prevalence among adults and young people through stop smoking services, enforcement against illicit tobacco and smokefree places
E Smokefree {place} Group :: Helping smokers quit for good, stopping children starting, and tackling cheap illegal cigarettes sold on the estates
T Tobacco Ctrl Grp :: 4-wk quitters; illicit; SATOD
P Stop Smoking Service Steering Group :: Oversees the NHS stop smoking service, pharmacy quit support and the smoking in pregnancy pathway

@healthy-weight | topic | health-wellbeing children-young-people | lifestyle | Obesity | community-health leisure-trust
O Healthy Weight Strategy Group :: To halt the rise in obesity in primary school age children (NI 55, NI 56) and among adults, through healthy eating and physical activity
E Fit and Healthy Families Group :: Helping families eat better and move more so fewer children are overweight when they start or leave primary school
T Obesity Grp :: NCMP; tier 2 weight mgmt
P Change4Life Programme Board :: Local Change4Life campaign, cook and eat sessions and the MEND course for overweight 7-13 year olds

@physical-activity | topic | health-wellbeing culture-leisure | activity | Exercise | sport leisure-trust community-health sports-council
O Physical Activity Alliance :: To increase adult participation in sport and active recreation (NI 8) and reduce the number of people who are inactive
E Get Moving {place} :: Walking groups, cheap gym sessions and exercise on prescription to get couch potatoes out and about
T PA Grp :: 3x30; NI 8; exercise referral
P Active Lives Programme Board :: Invests national sport and public health money in projects for people who do under thirty minutes' activity a week

@sexual-health | topic | health-wellbeing | sexual-health | Sexual health | community-health college lgbt
O Sexual Health Partnership :: To improve sexual health, increase chlamydia screening among 15-24 year olds (NI 113) and reduce late diagnosis of HIV
E Safe Sex Network :: Free condoms, testing and advice that young people and gay men will actually use
T SH Grp :: GUM 48hr access; HIV
P National Chlamydia Screening Programme Steering Group :: Manages the screening venues, postal kits and the positivity rate for under-25s

@teenage-pregnancy | topic | children-young-people health-wellbeing | sexual-health | Teenage pregnancy | community-health connexions college
O Teenage Pregnancy Strategy Group :: To reduce the under-18 conception rate (NI 112) and support teenage parents into education, training or employment
E Young Mums and Dads Forum :: Fewer schoolgirls falling pregnant, and help for young parents so they can finish their education
T TP Bd :: u18 conceptions
P Teenage Pregnancy Partnership Board :: Delivers the ten-year strategy: relationships education, the C-card scheme and Care to Learn childcare

@mental-health-promotion | topic | health-wellbeing | mental-health | Wellbeing | mh-trust mind samaritans
O Mental Health and Wellbeing Promotion Group :: To promote good mental health, reduce stigma and improve access to talking therapies for adults with anxiety and depression
E Time to Talk Network :: Getting people to talk about how they feel, and knowing where to go before things get bad
T MH Promo Grp :: IAPT access; anti-stigma
P Five Ways to Wellbeing Campaign Board :: Runs the campaign and Mental Health First Aid training in workplaces and schools

@suicide-prevention | topic | health-wellbeing | mental-health | Suicide | mh-trust samaritans mind acute-trust
O Suicide Prevention Partnership :: To reduce deaths by suicide and self-harm through the local action plan and real-time surveillance of suspected suicides
E Ask Twice Alliance :: Every death is one too many: teaching people to ask the question, and supporting families left behind
T SP Steering Grp :: audit of deaths; hot spots
P Suicide Bereavement Service Board :: Commissions support for families and friends after a suicide and monitors suspected cases

@screening-immunisation | topic | health-wellbeing | protection | Immunisation | hpa community-health
O Screening and Immunisation Group :: To increase uptake of childhood immunisations, flu vaccination and cancer screening, particularly in wards and groups with low uptake
E Jabs and Checks Group :: Making sure babies get their MMR, older people get their flu jab and women come for smear tests
T S&I Grp :: MMR2; flu 65+; bowel scr
P Immunisation Programme Board :: Monitors the national programme locally: coverage at 12 and 24 months and school-aged HPV

@health-protection | topic | health-wellbeing resilience | protection | Outbreaks | hpa acute-trust
O Health Protection Committee :: To assure arrangements for preventing and controlling communicable disease, environmental hazards and outbreaks
E Infection Control Group :: Keeping bugs from spreading in care homes, schools and the hospital, and planning for the next outbreak
T HP Cttee :: TB; outbreaks; IPC
P Pandemic Flu Planning Group :: Prepares the local response to an influenza pandemic: antivirals, vaccination centres and excess deaths

@infant-feeding | topic | health-wellbeing children-young-people | maternal | Breastfeeding | community-health homestart
O Infant Feeding Strategy Group :: To increase the prevalence of breastfeeding at 6-8 weeks (NI 53) and gain UNICEF Baby Friendly accreditation
E Breastfeeding Buddies Network :: Peer supporters and midwives helping new mums feed their babies, and cafés where it is welcome
T BF Grp :: BFI stage 2; 6-8wk rate
P Baby Friendly Initiative Steering Group :: Leads hospital and community services through each stage of the UNICEF award

@maternity | topic | health-wellbeing children-young-people | maternal | Maternity | acute-trust community-health homestart
O Maternity Services Liaison Committee :: To improve maternity services with mothers' views, including early booking before twelve weeks (NI 126) and continuity of midwife care
E Better Births Group :: Women, midwives and doctors working out how pregnancy and birth care can be safer and kinder
T MSLC :: early access; SATOD
P Maternity Voices Partnership :: Gathers feedback from women and families and co-produces improvements to local maternity care

@oral-health | topic | health-wellbeing children-young-people | dental | Teeth | community-health
O Oral Health Improvement Group :: To reduce tooth decay in children under five and improve access to NHS dentistry
E Smile Group :: Toothbrushes, fluoride varnish and getting kids to the dentist before they need teeth out
T OH Grp :: dmft 5yo; fluoride varnish
P Supervised Toothbrushing Scheme Board :: Runs daily supervised toothbrushing in nurseries and infant classes in target wards

@food-poverty | topic | health-wellbeing community-cohesion | food | Food | foodbank cab churches
O Food Poverty Alliance :: To reduce food insecurity by coordinating food banks, holiday hunger schemes and advice on money and benefits
E Nobody Goes Hungry Network :: Food banks, churches and community cafés making sure families have enough to eat, especially in the school holidays
T Food Poverty Grp :: FBs; HAF; crisis support
P Holiday Activities and Food Programme Board :: Runs free holiday clubs with a healthy meal for children on free school meals

@cvd-prevention | topic | health-wellbeing | long-term | Heart | community-health pharmacy
O Cardiovascular Disease Prevention Group :: To reduce early deaths from heart disease and stroke (NI 121) through health checks for 40-74 year olds and better control of blood pressure
E Healthy Hearts Group :: Checking people's blood pressure and cholesterol in shops, mosques and workplaces before they have a heart attack
T CVD Grp :: HC uptake; hypertension
P NHS Health Check Programme Board :: Oversees invitations and uptake by GP practices and the outreach service

@cancer | topic | health-wellbeing | long-term | Cancer | acute-trust hospice
O Cancer Awareness and Early Diagnosis Group :: To improve one-year cancer survival by raising awareness of symptoms and increasing early diagnosis
E Spot It Early Group :: Encouraging people to see their GP about a lump, a cough that won't go or blood where it shouldn't be, and to go for screening
T Cancer Locality Grp :: 2ww; early stage dx
P Be Clear on Cancer Campaign Group :: Runs the national symptom awareness campaigns locally and measures their effect on referrals

@jsna | topic | health-wellbeing adult-social-care | intelligence | JSNA | university
O Joint Strategic Needs Assessment Steering Group :: To produce and refresh the JSNA, bringing together data and the views of residents on current and future health and care needs
E Know Our Area Group :: Pulling together the facts and figures on who lives here and what they need, so money goes to the right places
T JSNA Grp :: datasets; chapters; refresh
P Needs Assessment Programme Board :: Commissions the topic reviews (children, older people, mental health) that make up the assessment

@urgent-care | topic | health-wellbeing adult-social-care | hospital | A&E | acute-trust ambulance community-health
O Urgent Care Network :: To manage demand for urgent and emergency care, reduce avoidable admissions and keep A&E waiting within four hours
E Winter Pressures Group :: Keeping people well and out of hospital over the cold months: extra GP slots, minor injuries and community beds
T UC Bd :: 4hr; NEL admissions; surge
P A&E Delivery Board :: Monitors the four-hour standard, ambulance handovers and the escalation plan

@primary-care | topic | health-wellbeing | primary | GPs | gp-fed pharmacy healthwatch
O Primary Care Development Group :: To improve access to GP and community pharmacy services, plan new health centres and help practices work together
E Seeing Your Doctor Group :: Making it easier to get an appointment, and sorting out surgeries that are too small or hard to reach
T PC Grp :: LIFT; access; estates
P Primary Care Networks Board :: Supports practices working together in networks and the extra roles they employ

@patient-voice | topic | health-wellbeing adult-social-care | voice-health | Patients | healthwatch disability-forum
O Patient and Public Involvement Forum :: To represent the views of patients and the public on local health services and monitor how they are delivered
E Have Your Say on Health Group :: Local people telling the NHS and social care what works, what doesn't and what needs to change
T PPI Forum :: enter & view; complaints
P Local Involvement Network Stewardship Group :: Runs enter-and-view visits, surveys and reports to the health scrutiny committee
`;
