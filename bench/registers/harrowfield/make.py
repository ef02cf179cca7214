#!/usr/bin/env python3
"""Write the Harrowfield partnership-register benchmark (fictional, c. 2011-2014).

All wording is data in this file. Deterministic: python3 make.py
Writes organisations.csv, partnerships.csv, memberships.csv and truth.json next to this script.
"""
import csv, json, os

HERE = os.path.dirname(os.path.abspath(__file__))

# key, name, sector, type
ORGS = [
    ("HDC", "Harrowfield District Council", "public", "district council"),
    ("DCC", "Dunmoorshire County Council", "public", "county council"),
    ("POL", "Dunmoorshire Constabulary", "public", "police force"),
    ("PCT", "NHS Dunmoorshire (PCT cluster)", "public", "primary care trust"),
    ("CCG", "Harrowfield and Vale Clinical Commissioning Group", "public", "clinical commissioning group (shadow until April 2013)"),
    ("FIRE", "Dunmoorshire Fire and Rescue Service", "public", "fire and rescue authority"),
    ("CVS", "Harrowfield Community and Voluntary Service", "voluntary", "council for voluntary service"),
    ("PCC", "Office of the Police and Crime Commissioner for Dunmoorshire", "public", "police and crime commissioner"),
    ("PROB", "Dunmoorshire Probation Trust", "public", "probation trust"),
    ("LEP", "Dunmoor and Vale Local Enterprise Partnership", "private", "local enterprise partnership"),
    ("JCP", "Jobcentre Plus, Harrowfield office", "public", "government agency"),
    ("EA", "Environment Agency (Dunmoor area)", "public", "non-departmental public body"),
    ("NE", "Natural England", "public", "non-departmental public body"),
    ("AONB", "Kelder Hills AONB Unit", "public", "AONB staff unit hosted by county council"),
    ("HH", "Harrowfield Homes", "voluntary", "housing association (stock transfer)"),
    ("VHG", "Vale Housing Group", "voluntary", "housing association"),
    ("DALC", "Dunmoorshire Association of Local Councils", "community", "association of parish and town councils"),
    ("HTC", "Harrowfield Town Council", "public", "town council"),
    ("KTC", "Kelbury Town Council", "public", "town council"),
    ("SPC", "Stowcombe Parish Council", "public", "parish council"),
    ("APC", "Ashwater Magna Parish Council", "public", "parish council"),
    ("COL", "Harrowfield College", "public", "further education college"),
    ("MHT", "Dunmoorshire Partnership NHS Foundation Trust", "public", "mental health trust"),
    ("ACUTE", "Royal Dunmoor Hospital NHS Foundation Trust", "public", "acute hospital trust"),
    ("CHS", "Dunmoor Community Health CIC", "voluntary", "community health social enterprise"),
    ("AMB", "Western Counties Ambulance Service NHS Foundation Trust", "public", "ambulance trust"),
    ("CHAM", "Harrowfield Chamber of Trade", "private", "chamber of trade"),
    ("FSB", "Federation of Small Businesses, Dunmoor and Vale branch", "private", "business membership body"),
    ("NFU", "NFU Dunmoorshire", "private", "farmers' union"),
    ("CAB", "Citizens Advice Harrowfield", "voluntary", "advice charity"),
    ("AGE", "Age UK Dunmoorshire", "voluntary", "older people's charity"),
    ("HCT", "Harrowfield Community Transport", "voluntary", "community transport operator"),
    ("RCC", "Community Action Dunmoor", "voluntary", "rural community council"),
    ("YT", "Harrowfield Youth Trust", "voluntary", "youth charity"),
    ("DWT", "Dunmoorshire Wildlife Trust", "voluntary", "wildlife trust"),
    ("ARTS", "Harrowfield Corn Exchange Arts Trust", "voluntary", "arts charity"),
    ("LT", "Harrowfield Leisure Trust", "voluntary", "leisure trust"),
    ("REC", "Pathways Recovery Dunmoor", "voluntary", "drug and alcohol treatment provider"),
    ("DA", "Harrowfield Domestic Abuse Service", "voluntary", "domestic abuse charity"),
    ("CARE", "Dunmoorshire Carers' Centre", "voluntary", "carers' charity"),
    ("HW", "Healthwatch Dunmoorshire (formerly Dunmoorshire LINk)", "voluntary", "patient and public voice"),
    ("ACAD", "Harrowfield Academy", "public", "secondary academy"),
    ("PRIM", "Kelbury Primary School", "public", "primary school"),
    ("YOT", "Dunmoorshire Youth Offending Service", "public", "youth offending team"),
    ("FOOD", "Harrowfield Food Bank", "voluntary", "food bank"),
    ("FLAG", "Stowcombe and Ashwater Flood Action Group", "community", "flood action group"),
    ("CLT", "Ashwater Community Land Trust", "community", "community land trust"),
    ("MRA", "Moorside Estate Residents' Association", "community", "residents association"),
    ("ROT", "Rotary Club of Harrowfield", "community", "service club"),
    ("DIO", "Diocese of Dunmoor, Harrowfield Deanery", "voluntary", "church"),
    ("TOUR", "Visit Dunmoor", "private", "destination management organisation"),
    ("BUS", "Vale Coaches Ltd", "private", "bus operator"),
    ("IDB", "Wendle Valley Internal Drainage Board", "public", "internal drainage board"),
    ("WATER", "Dunmoor Water plc", "private", "water and sewerage company"),
    ("SPORT", "Active Dunmoor", "voluntary", "county sports partnership"),
    ("HOME", "Home-Start Harrowfield", "voluntary", "family support charity"),
    ("MIND", "Harrowfield and District Mind", "voluntary", "mental health charity"),
    ("GP", "Market Street Surgery", "private", "GP practice"),
    ("CU", "Dunmoor Credit Union", "voluntary", "credit union"),
    ("HCA", "Homes and Communities Agency", "public", "government agency"),
    ("ALZ", "Harrowfield Memory Cafe", "community", "community group"),
    ("NHSE", "NHS England, Dunmoor and Vale Area Team", "public", "NHS England area team"),
    ("WP", "Forward Into Work Ltd", "private", "Work Programme prime provider"),
    ("VC", "Harrowfield Volunteer Centre", "voluntary", "volunteer centre"),
]

THEME = {
    "h": "health", "cs": "community safety", "cyp": "children and young people",
    "op": "older people", "ec": "economy and regeneration", "ed": "education and skills",
    "ho": "housing", "en": "environment", "tr": "transport", "cl": "culture and leisure",
    "co": "community", "da": "drugs and alcohol", "em": "employment",
}
LAYER = {"S": "strategic", "E": "executive", "O": "operational"}
BASIS = {"st": "statutory", "fu": "funding", "pl": "plan", "vo": "voluntary"}
LEGAL = {"none": "none", "clg": "company limited by guarantee",
         "cio": "charitable incorporated organisation", "cic": "community interest company",
         "ua": "unincorporated association", "jc": "joint committee"}
ROLE = {"v": "vice-chair", "a": "accountable body", "o": "observer", "m": "member"}

# ref, title, objective, themes, layer, basis, legal, members (first = lead and chair;
# suffix /v vice-chair, /a accountable body, /o observer), meetings a year, hours, budget
P = [
("HF001", "Harrowfield Together (Local Strategic Partnership Board)",
 "To provide strategic leadership across the public, private, voluntary and community sectors in Harrowfield. "
 "To own and refresh the Sustainable Community Strategy 'Harrowfield 2026' now that the Local Area Agreement "
 "has come to an end, to work in partnership to improve outcomes for local people, to make the best use of "
 "shrinking public resources, and to hold the thematic partnerships to account for delivery.",
 "co ec h cs ho en", "S", "pl", "none",
 "HDC DCC/v POL PCT CCG FIRE CVS LEP JCP HH DALC HTC KTC COL CHAM NFU RCC AONB PCC/o", 4, 2.5, 15000),
("HF002", "Harrowfield Community Safety Partnership",
 "Statutory partnership under the Crime and Disorder Act 1998 (as amended). To reduce crime, disorder, "
 "anti-social behaviour, substance misuse and reoffending in the district, to produce the annual strategic "
 "assessment and partnership plan, and from November 2012 to work with the Police and Crime Commissioner.",
 "cs da", "S", "st", "none",
 "HDC POL/v DCC PCT CCG FIRE PROB CVS HH YOT DA REC PCC/o", 4, 2, 38000),
("HF003", "Harrowfield Health and Wellbeing Partnership",
 "To improve the health of people in Harrowfield and narrow the gap between the healthiest and least healthy "
 "wards by delivering the district health improvement action plan (smoking, healthy weight, physical activity, "
 "alcohol) and feeding local priorities into the county strategy.",
 "h", "E", "pl", "none",
 "HDC PCT/v CCG DCC CVS LT AGE MIND SPORT HH CHS HW FIRE", 4, 2, 12000),
("HF004", "Dunmoorshire Shadow Health and Wellbeing Board",
 "Shadow board set up under the Health and Social Care Act 2012 ahead of statutory status on 1 April 2013. "
 "Leads the Joint Strategic Needs Assessment and the Joint Health and Wellbeing Strategy for the county, checks "
 "that CCG and council commissioning plans reflect them, and promotes integration of health and social care.",
 "h op cyp", "S", "st", "none",
 "DCC CCG/v PCT NHSE HW HDC CVS POL/o", 6, 3, 0),
("HF005", "Harrowfield Children and Young People's Partnership",
 "Since the Government relaxed the statutory guidance on children's trusts in 2010 the local board carries on "
 "as a voluntary partnership. Sets shared priorities for 0 to 19 year olds in the district: early help, school "
 "readiness, closing attainment gaps and emotional health.",
 "cyp ed", "S", "vo", "none",
 "DCC HDC/v ACAD PRIM PCT CCG POL CVS YT HOME YOT COL", 4, 2, 0),
("HF006", "Harrowfield Local Children's Trust Board",
 "Local children's trust arrangements for the Harrowfield area under section 10 of the Children Act 2004 (duty "
 "to co-operate). To deliver the Children and Young People's Plan locally so that every child is healthy, "
 "safe, enjoys and achieves, makes a positive contribution and achieves economic wellbeing.",
 "cyp", "S", "st", "none",
 "DCC HDC/v ACAD PRIM PCT CCG POL CVS YT HOME YOT COL", 4, 2, 6000),
("HF007", "Harrowfield Economic Partnership",
 "To support business growth and inward investment, and the vitality of our market towns; to link Harrowfield "
 "firms to the Local Enterprise Partnership and to Growing Places and Regional Growth Fund opportunities.",
 "ec", "E", "pl", "none",
 "HDC CHAM/v FSB NFU LEP DCC COL JCP TOUR HTC KTC CVS", 4, 2, 25000),
("HF008", "Harrowfield Strategic Housing Partnership",
 "To work in partnership to deliver the district Housing Strategy 2010-2015: more affordable homes in towns "
 "and villages, better private sector housing, preventing homelessness and meeting the housing needs of older "
 "and vulnerable people.",
 "ho", "E", "pl", "none",
 "HDC HH/v VHG HCA DCC RCC CAB DALC CVS CLT", 4, 2, 5000),
("HF009", "Harrowfield Environment Partnership",
 "To look after Harrowfield's natural and built environment and respond to climate change.",
 "en", "E", "vo", "ua",
 "HDC DWT/v EA NE AONB DCC RCC DALC CVS FLAG", 3, 2, 0),
("HF010", "Stronger Communities Partnership",
 "Stronger communities.",
 "co", "E", "pl", "none",
 "CVS HDC/v DCC RCC DALC DIO POL MRA FIRE", 4, 1.5, 0),
("HF011", "Harrowfield Older People's Partnership",
 "To help older people in Harrowfield stay independent, healthy and connected, and to make sure they have a "
 "say in the services that affect them.",
 "op", "E", "vo", "ua",
 "AGE HDC DCC/v PCT CCG CVS HCT CARE HH FIRE POL HW", 4, 2, 2000),
("HF012", "Harrowfield Rural Transport Partnership",
 "Set up with Rural Bus Subsidy Grant and Local Transport Plan money to plan and promote community and "
 "demand-responsive transport in rural Harrowfield - dial-a-ride, the Vale Flexibus, voluntary car schemes and "
 "community minibuses - so that people without a car can reach shops, surgeries and services.",
 "tr", "E", "fu", "none",
 "DCC HDC HCT/v BUS RCC DALC CVS AGE CCG", 4, 2, 64000),
("HF013", "Harrowfield Culture and Leisure Partnership",
 "Arts, heritage, sport and leisure.",
 "cl", "E", "vo", "ua",
 "HDC LT/v ARTS SPORT DCC HTC TOUR CVS", 3, 1.5, 0),
("HF014", "Harrowfield Learning and Skills Partnership",
 "Raise skill levels in the local workforce and match what is taught at the College to what local employers "
 "need.",
 "ed em", "E", "vo", "none",
 "COL HDC DCC JCP CHAM FSB LEP ACAD WP CVS", 4, 2, 0),
("HF015", "Harrowfield Joint Action Group (JAG)",
 "Tasking.",
 "cs", "O", "st", "none",
 "POL HDC FIRE HH VHG DCC YOT MRA CVS", 12, 1.5, 0),
("HF016", "Harrowfield MARAC",
 "Monthly MARAC for the Harrowfield area.",
 "cs", "O", "vo", "none",
 "POL DA/v HDC DCC PROB HH VHG MHT CHS", 12, 3, 0),
("HF017", "Serious Harm Case Conference (Domestic Abuse), Harrowfield and Kelbury",
 "Agencies share what they know about victims at the highest risk of being seriously hurt or killed by a "
 "partner, ex-partner or family member, and agree a safety plan for each one, with an independent adviser "
 "standing alongside the victim.",
 "cs", "O", "vo", "none",
 "DA POL HDC DCC PROB HH MHT ACUTE YOT", 12, 3, 0),
("HF018", "MAPPA Level 2 Local Meeting, Harrowfield",
 "Multi-Agency Public Protection Arrangements: manage the risk posed by registered sex offenders and violent "
 "offenders living in the Harrowfield area.",
 "cs", "O", "st", "none",
 "PROB POL HDC DCC HH MHT VHG", 12, 2, 0),
("HF019", "Harrowfield Domestic Abuse Forum",
 "To co-ordinate the district's response to domestic abuse: awareness raising, training for frontline staff, "
 "commissioning of outreach and refuge places, and the White Ribbon campaign.",
 "cs", "E", "vo", "none",
 "DA HDC POL DCC CVS HH PCT CAB", 4, 2, 8500),
("HF020", "Integrated Offender Management Group",
 "Police, probation and partners jointly manage the prolific and priority offenders who commit most burglary "
 "and theft in the district, with help on housing, drugs and work.",
 "cs", "O", "vo", "none",
 "POL PROB HDC REC HH JCP DCC", 12, 1.5, 0),
("HF021", "Evening and Night-Time Economy Group",
 "Keep Harrowfield town centre safe on Friday and Saturday nights: Pubwatch, street pastors, taxi marshals, "
 "licensing enforcement and CCTV.",
 "cs da", "O", "vo", "none",
 "POL HDC HTC CHAM DIO AMB FIRE", 6, 1.5, 4000),
("HF022", "Harrowfield Rural Crime Forum",
 "Theft of farm machinery, quad bikes, heating oil and livestock; hare coursing; Farmwatch text alerts.",
 "cs", "O", "vo", "ua",
 "POL NFU/v HDC DALC FIRE NE", 4, 2, 0),
("HF023", "Moorside Neighbourhood Action Group",
 "Residents, police and agencies meet to agree local priorities for the Moorside estate and Harrowfield East "
 "ward and to report back on action taken (dog fouling, parking, youths gathering at the shops).",
 "cs co", "O", "vo", "none",
 "POL HDC HH MRA HTC CVS FIRE", 6, 1.5, 0),
("HF024", "Kelbury Neighbourhood Action Group",
 "Kelbury town and the surrounding parishes: residents and agencies set the three local policing priorities "
 "each quarter and review progress on them.",
 "cs co", "O", "vo", "none",
 "POL HDC KTC VHG SPC APC FIRE", 4, 1.5, 0),
("HF025", "Young People's Drugs and Alcohol Sub-Group",
 "Reduce harm from drinking and drug use by young people: early identification in schools and youth clubs, "
 "referral to the young people's substance misuse service, and test purchasing to stop under-age alcohol sales.",
 "da cyp", "E", "vo", "none",
 "REC HDC POL YOT DCC YT ACAD PCT", 6, 1.5, 0),
("HF026", "Teenage Substance Misuse Task and Finish Group",
 "Teenagers smoking cannabis, taking legal highs or getting drunk: make sure teachers, youth workers and GPs "
 "spot it early and get them into specialist treatment, and stop shops selling booze to anyone under 18.",
 "cyp da", "O", "vo", "none",
 "DCC REC ACAD YT YOT CCG POL HOME HDC", 6, 1.5, 0),
("HF027", "Adult Drug and Alcohol Treatment Commissioning Group",
 "Commission and monitor adult drug and alcohol treatment and recovery services in Harrowfield: needle "
 "exchange, substitute prescribing, detox, recovery housing and the payment by results pilot.",
 "da h", "E", "fu", "none",
 "DCC PCT REC PROB POL HDC MHT GP", 6, 2, 412000),
("HF028", "Falls Prevention Group",
 "Falls.",
 "h op", "O", "vo", "none",
 "CCG AGE CHS AMB DCC HDC FIRE ACUTE LT", 4, 1.5, 0),
("HF029", "Hip Fracture and Injury Reduction Steering Group (Over-65s)",
 "To cut the number of people aged sixty-five and over who end up in hospital after tripping or slipping, "
 "through strength and balance classes, home hazard checks, medication reviews and a quicker response when "
 "someone is found on the floor.",
 "h op", "O", "pl", "none",
 "CCG AGE CHS AMB DCC HDC FIRE ACUTE LT", 6, 2, 18000),
("HF030", "Harrowfield Diabetes Network",
 "Improve care for people with Type 2 diabetes: structured education, foot checks, uptake of retinal screening, "
 "and prevention for people at high risk.",
 "h", "O", "vo", "none",
 "CCG GP ACUTE CHS PCT HW", 4, 2, 0),
("HF031", "Stroke and Heart Health Group",
 "Faster treatment and better recovery after stroke and heart attack: TIA clinic access, thrombolysis, cardiac "
 "rehabilitation, and blood pressure checks in pharmacies.",
 "h", "O", "vo", "none",
 "CCG ACUTE AMB CHS GP HW PCT", 4, 2, 0),
("HF032", "Healthy Weight and Physical Activity Group",
 "Tackle overweight and obesity in children and adults: weight management referral, Change4Life, walking for "
 "health and cook-and-eat courses.",
 "h", "O", "pl", "none",
 "PCT HDC LT SPORT DCC CHS ACAD CVS", 6, 1.5, 22000),
("HF033", "Smokefree Harrowfield Alliance",
 "Reduce smoking, especially in pregnancy and among routine and manual workers; tackle illicit tobacco.",
 "h", "O", "pl", "none",
 "PCT HDC DCC CHS ACUTE POL", 4, 1.5, 9000),
("HF034", "Harrowfield Mental Health Forum",
 "Working-age adults with mental health problems: better access to talking therapies (IAPT), crisis support "
 "and help back into work; reducing stigma through Time to Change.",
 "h", "O", "vo", "ua",
 "MIND MHT CCG HDC JCP CVS HW DCC", 4, 2, 0),
("HF035", "Dementia Friendly Harrowfield Steering Group",
 "Council-led steering group working towards recognition as a dementia friendly community under the Prime "
 "Minister's Challenge on Dementia: Dementia Friends training for front-line staff, better signage and "
 "encouraging early diagnosis.",
 "h op", "E", "pl", "none",
 "HDC DCC CCG MHT POL FIRE BUS CHAM", 6, 1.5, 7500),
("HF036", "Memory Matters Alliance",
 "A coming-together of local groups, churches and families so that people living with memory loss can keep "
 "shopping, getting about and joining in town life, and shopkeepers and drivers know how to help them.",
 "op co", "O", "vo", "ua",
 "AGE ALZ CARE DIO CVS HTC ROT", 6, 1.5, 600),
("HF037", "Harrowfield Carers Partnership Board",
 "Deliver the county Carers' Strategy in Harrowfield for adult carers aged 18 and over: early identification, "
 "carers' assessments, breaks and information.",
 "h op", "E", "pl", "none",
 "DCC CCG CARE HDC AGE MHT GP CVS", 4, 2, 30000),
("HF038", "Harrowfield Carers' Voice",
 "Run by carers for carers. Finding people who look after a husband, wife, parent or friend and don't think "
 "of themselves as a carer, so they get a rest, some advice and a say in how help is given.",
 "co", "O", "vo", "ua",
 "CARE HW AGE MIND DIO ALZ", 6, 2, 0),
("HF039", "Young Carers Project Steering Group",
 "Support for children under 18 who help look after a family member: identification in schools, young carers' "
 "clubs and respite trips.",
 "cyp", "O", "fu", "none",
 "YT CARE DCC ACAD PRIM HOME", 4, 1.5, 14000),
("HF040", "Harrowfield Practice Based Commissioning Consortium",
 "Practice based commissioning: the Harrowfield GP practices hold an indicative budget from the PCT and "
 "redesign local services such as minor injuries, diagnostics and community beds.",
 "h", "E", "fu", "none",
 "GP PCT CHS ACUTE MHT HDC", 12, 2, 0),
("HF041", "Harrowfield Locality Commissioning Group",
 "Locality of Harrowfield and Vale CCG (authorised April 2013). Member practices agree local commissioning "
 "intentions and manage the locality's share of the clinical commissioning budget.",
 "h", "E", "st", "none",
 "GP PCT CHS ACUTE MHT HDC", 12, 2, 0),
("HF042", "Vale Urgent Care Network",
 "Winter pressures, the A&E four-hour standard, delayed discharges and ambulance handover delays.",
 "h", "O", "vo", "none",
 "ACUTE CCG AMB DCC CHS MHT GP", 12, 2, 0),
("HF043", "Troubled Families Programme Board",
 "The Government's Troubled Families programme (2012-2015): turn around 120 Harrowfield families with youth "
 "crime or anti-social behaviour, children out of school and an adult on out-of-work benefits, using a key "
 "worker for each family. Payment by results from DCLG.",
 "cyp cs em", "E", "fu", "none",
 "DCC HDC POL JCP YOT HH PCT ACAD CVS PROB", 6, 2, 280000),
("HF044", "Team Around the Family Panel",
 "Monthly panel where practitioners bring households with several problems at once (schooling, behaviour, "
 "debt, housing, parents out of work) and agree one lead professional and a single plan for everyone in the "
 "home.",
 "cyp", "O", "vo", "none",
 "DCC HDC HOME ACAD PRIM POL HH CHS YT CVS", 12, 2, 0),
("HF045", "Families First Community Budget Pilot Board",
 "Harrowfield is one of the county's Community Budget areas: pooling money from the councils, police, health "
 "and DWP so that complex families get one joined-up offer instead of a dozen agencies calling.",
 "cyp co", "E", "fu", "none",
 "HDC DCC POL PCT JCP PCC FIRE VHG", 6, 2, 150000),
("HF046", "Local Safeguarding Children Board - Harrowfield and Vale Area Group",
 "Area group of the Dunmoorshire LSCB: monitor how well agencies in the area keep children safe from abuse and "
 "neglect, learn from serious case reviews and deliver multi-agency child protection training.",
 "cyp", "E", "st", "none",
 "DCC POL PCT ACUTE ACAD PRIM HDC PROB CVS YOT", 4, 2.5, 0),
("HF047", "Safeguarding Adults Board - Harrowfield Locality Group",
 "Locality group of the county Safeguarding Adults Board: check that agencies respond well to the abuse of "
 "vulnerable adults (financial, physical, neglect in care homes), learn from reviews and promote Mental "
 "Capacity Act training.",
 "op h", "E", "vo", "none",
 "DCC POL CCG ACUTE MHT HDC CHS AGE HW CVS FIRE", 4, 2.5, 0),
("HF048", "NEET Reduction Group",
 "Cut NEETs 16-18. Track Y11 leavers. September Guarantee.",
 "cyp ed", "O", "pl", "none",
 "DCC COL ACAD JCP YT HDC", 6, 1.5, 0),
("HF049", "Keeping Teenagers in Learning Group",
 "Finding school and college leavers who are not in education, employment or training and getting them back "
 "onto a course, an apprenticeship or a job with training; aged sixteen to eighteen.",
 "ed em", "O", "vo", "none",
 "COL DCC ACAD YT JCP CHAM", 6, 1.5, 0),
("HF050", "Youth Activities Commissioning Group (13-19)",
 "Positive activities for 13-19s (to 25 with LDD): commission youth clubs, holiday provision and sport; Youth "
 "Opportunity Fund.",
 "cyp cl", "E", "fu", "none",
 "DCC HDC YT LT SPORT CVS HTC POL", 4, 2, 96000),
("HF051", "Teenagers' Things To Do Network",
 "Clubs, groups and churches who run evening and holiday sessions for youngsters aged thirteen to nineteen "
 "getting together to plan who runs what and where, and to share minibuses and halls.",
 "cyp", "O", "vo", "ua",
 "YT DIO CVS ARTS ROT KTC MRA", 6, 1.5, 0),
("HF052", "Harrowfield Youth Council",
 "Elected young people's voice to the District Council.",
 "cyp co", "O", "vo", "none",
 "HDC YT ACAD COL DCC POL", 6, 1.5, 2500),
("HF053", "Harrowfield and Moorside Children's Centres Advisory Board",
 "Statutory advisory board for the two Sure Start children's centres: parents and partners review reach into "
 "families with under-fives, especially in the most deprived areas.",
 "cyp", "O", "st", "none",
 "DCC HOME PCT CHS PRIM HDC MRA CVS", 4, 2, 0),
("HF054", "Healthy Schools Steering Group",
 "Support schools to achieve and keep Healthy Schools status: PSHE, healthy eating, physical activity and "
 "emotional wellbeing.",
 "cyp h", "O", "pl", "none",
 "PCT DCC ACAD PRIM LT SPORT", 3, 1.5, 5000),
("HF055", "School Travel and Safer Routes Group",
 "School travel plans, walking buses, Bikeability cycle training and safer routes to school along rural lanes.",
 "tr cyp", "O", "pl", "none",
 "DCC ACAD PRIM HDC POL SPC BUS", 3, 1.5, 12000),
("HF056", "Harrowfield Town Centre Partnership",
 "Town centre management for Harrowfield: markets, events, monitoring vacant shops, Christmas lights, parking "
 "and signage, and supporting independent traders.",
 "ec", "E", "vo", "clg",
 "HDC HTC CHAM FSB DCC POL ARTS FIRE", 6, 2, 35000),
("HF057", "Harrowfield Town Team (Portas Pilot)",
 "Successful bid to round two of the Government's Portas Pilots (GBP 100,000). Bring empty units back into use "
 "with pop-up shops, a better Saturday market and free parking days to get footfall back onto the High Street.",
 "ec", "O", "fu", "none",
 "CHAM HDC HTC FSB DCC CVS ROT", 12, 2, 100000),
("HF058", "Kelbury Town Centre Partnership",
 "Town centre management for Kelbury: markets, events, vacant shops, Christmas lights and parking.",
 "ec", "E", "vo", "ua",
 "KTC HDC FSB DCC POL", 6, 2, 8000),
("HF059", "LEADER Local Action Group - Wendle Vale",
 "Decide applications for RDPE LEADER grants 2007-2013 from village shops and pubs, farm diversification, "
 "rural tourism and community projects in the Wendle Vale.",
 "ec en", "E", "fu", "none",
 "RCC DCC/a HDC NFU TOUR AONB FSB DALC CVS NE", 6, 3, 1750000),
("HF060", "Connecting Dunmoor Superfast Broadband Steering Group",
 "Superfast broadband for at least 90% of premises and 2Mbps for all by 2015 under the BDUK programme; "
 "registering demand in the villages.",
 "ec co", "E", "fu", "none",
 "DCC HDC LEP FSB NFU DALC RCC", 4, 2, 0),
("HF061", "Worklessness Sub-Group",
 "Reduce worklessness among long-term JSA and ESA/IB claimants; Work Programme referrals; employer engagement.",
 "em", "O", "vo", "none",
 "JCP HDC WP COL CVS DCC CHAM", 6, 1.5, 0),
("HF062", "Employment Support Task Group",
 "Helping people on benefits who have been out of a job for a long time, including those with health "
 "conditions, to get back to work: job clubs in the villages, volunteering placements, CV help and links with "
 "the prime provider.",
 "em co", "O", "vo", "none",
 "CVS JCP WP HH CAB HDC MIND", 6, 1.5, 3000),
("HF063", "Welfare Reform and Financial Inclusion Group",
 "Get residents ready for welfare reform (under-occupation charge, benefit cap, Universal Credit, local council "
 "tax support): advice, debt help, the credit union and food banks.",
 "co ho", "E", "vo", "none",
 "HDC CAB HH VHG JCP CU FOOD CVS DCC PCT", 6, 2, 20000),
("HF064", "Apprenticeship Hub Steering Group",
 "More apprenticeship starts with small firms; the AGE 16 to 24 employer grant; promoting apprenticeships in "
 "schools.",
 "ed em", "O", "fu", "none",
 "COL LEP FSB CHAM DCC JCP ACAD", 4, 1.5, 45000),
("HF065", "Visit Harrowfield Tourism Group",
 "Promote Harrowfield and the Kelder Hills as a visitor destination: tourist information, the walking festival "
 "and the food festival.",
 "ec cl", "O", "vo", "ua",
 "TOUR HDC AONB CHAM LT ARTS HTC", 4, 2, 11000),
("HF066", "Rural Housing Enabling Group",
 "Rural exception sites: housing needs surveys with parish councils, identifying sites, working with registered "
 "providers and the HCA, local connection lettings.",
 "ho", "O", "pl", "none",
 "HDC RCC HH VHG HCA DALC CLT", 4, 2, 26000),
("HF067", "Village Homes for Local Families Working Group",
 "Parish councils wanting a few low-cost homes so young families and older villagers aren't priced out: "
 "finding land that an owner will let go at a fair price, asking the village how many are needed, and making "
 "sure the homes stay for people with a connection to the parish.",
 "ho co", "O", "vo", "none",
 "DALC SPC APC KTC RCC HDC CLT", 4, 2, 0),
("HF068", "Affordable Homes Programme 2011-15 Settlements Under 3,000 Steering Group",
 "Oversee the district's allocation under the HCA Affordable Homes Programme 2011-15 for schemes in "
 "settlements of under 3,000 population.",
 "ho", "O", "fu", "none",
 "HCA HDC HH VHG RCC", 4, 1.5, 0),
("HF069", "Homelessness Prevention Forum",
 "Prevent homelessness: mortgage rescue, rent deposit scheme, supported lodgings for young people, and No "
 "Second Night Out for rough sleepers.",
 "ho", "O", "pl", "none",
 "HDC HH VHG CAB YT PROB DIO MIND POL CVS PCT", 4, 2, 0),
("HF070", "Private Sector Housing and Empty Homes Group",
 "Bring empty homes back into use; licensing of houses in multiple occupation; disabled facilities grants.",
 "ho", "O", "pl", "none",
 "HDC DCC HH VHG CAB FIRE", 4, 1.5, 0),
("HF071", "Affordable Warmth Partnership",
 "To work in partnership to reduce fuel poverty in Harrowfield, particularly in off-gas-grid villages and "
 "solid-wall properties, by promoting insulation, Warm Front and later ECO and Green Deal funding, heating oil "
 "buying clubs, benefit checks and winter warmth messages to older and vulnerable households, in line with the "
 "county Affordable Warmth Strategy, and to improve outcomes for local people.",
 "ho h op", "E", "pl", "none",
 "HDC RCC CAB AGE HH VHG DCC PCT FIRE CVS", 4, 2, 15000),
("HF072", "Fuel Poverty Group",
 "",
 "ho", "O", "pl", "none",
 "HDC RCC CAB AGE HH VHG DCC PCT FIRE CVS", 4, 1.5, 0),
("HF073", "Climate Change and Carbon Reduction Partnership",
 "Cut carbon emissions from council buildings, vehicles and street lighting; community renewable energy "
 "schemes; Climate Local commitment.",
 "en", "E", "pl", "none",
 "HDC DCC EA CVS RCC DWT LT", 4, 2, 10000),
("HF074", "Harrowfield Local Flood Risk Group",
 "Co-ordinate the management of local flood risk (surface water, groundwater and ordinary watercourses) in the "
 "district under the Flood and Water Management Act 2010, agree a programme of works with the Lead Local Flood "
 "Authority and the Environment Agency, and respond to the 2012 floods.",
 "en", "E", "st", "none",
 "DCC HDC EA IDB WATER FIRE", 4, 2, 120000),
("HF075", "Wendle Valley Ditches and Culverts Liaison Forum",
 "Landowners, farmers, the drainage board and parishes getting together to keep rhynes, ditches and culverts "
 "clear so the water gets away and houses in Stowcombe and Ashwater don't get wet again.",
 "en co", "O", "vo", "ua",
 "FLAG IDB NFU SPC APC HDC EA DALC", 4, 2, 0),
("HF076", "Community Emergency Planning Group",
 "Help parish and town councils write community emergency plans for snow, power cuts and flooding: salt bins, "
 "snow wardens and emergency contact lists.",
 "co cs", "O", "vo", "none",
 "HDC DCC FIRE POL DALC RCC SPC APC CVS", 3, 2, 3000),
("HF077", "Kelder Hills AONB Partnership",
 "Conserve and enhance the natural beauty of the Kelder Hills Area of Outstanding Natural Beauty: prepare and "
 "deliver the statutory AONB Management Plan 2014-19 and advise on planning applications affecting the "
 "landscape.",
 "en", "S", "st", "jc",
 "AONB DCC HDC NE NFU DWT DALC EA TOUR", 2, 3, 210000),
("HF078", "Harrowfield Biodiversity Partnership",
 "Deliver the Local Biodiversity Action Plan for species and habitats such as great crested newt, dormouse and "
 "wildflower meadows; local wildlife site surveys; biological records.",
 "en", "O", "vo", "ua",
 "DWT HDC NE EA DCC AONB", 3, 2, 4000),
("HF079", "Dunmoor Waste Partnership - Harrowfield",
 "",
 "en", "E", "st", "jc",
 "DCC HDC HTC KTC DALC RCC", 4, 2, 0),
("HF080", "Keep Harrowfield Tidy Group",
 "Litter picks, fly-tipping, dog fouling enforcement and community clean-ups.",
 "en co", "O", "vo", "none",
 "HDC HTC POL MRA DALC ROT CVS", 4, 1.5, 2000),
("HF081", "Dunmoorshire Local Access Forum (Harrowfield members)",
 "Statutory local access forum under the CROW Act 2000: advise on public rights of way, the Rights of Way "
 "Improvement Plan and open access land.",
 "en tr cl", "O", "st", "none",
 "DCC NFU NE AONB HDC DALC SPORT", 3, 2.5, 0),
("HF082", "Village Lifelines Transport Group",
 "Volunteer drivers, parish minibuses and the good neighbour car schemes getting together so that villagers "
 "without a car can get to the doctor, the hospital and the shops.",
 "tr co", "O", "vo", "ua",
 "HCT RCC DALC SPC APC DIO AGE", 4, 2, 0),
("HF083", "Accessible Transport Working Group",
 "Bring together dial-a-ride, Flexibus and community car schemes for people who cannot use or reach an "
 "ordinary bus service, particularly older and disabled people in outlying parishes.",
 "tr op", "O", "vo", "none",
 "AGE HCT DCC CCG HDC AMB", 4, 1.5, 0),
("HF084", "Wendle Valley Line Community Rail Partnership",
 "Station adoption, improving the Harrowfield station approach, and marketing the line to visitors and "
 "commuters.",
 "tr ec", "O", "vo", "clg",
 "DCC HDC HTC TOUR BUS RCC", 4, 2, 28000),
("HF085", "Harrowfield Road Safety Partnership",
 "Reduce killed and seriously injured casualties on rural A and B roads; motorcycle safety; Community "
 "Speedwatch in villages.",
 "tr cs", "O", "pl", "none",
 "DCC POL FIRE HDC AMB DALC", 4, 2, 0),
("HF086", "Wheels to Work Harrowfield",
 "Moped and scooter loans for young people in villages so they can get to a job or college where no bus runs.",
 "tr em", "O", "fu", "none",
 "RCC JCP COL DCC HDC FSB", 4, 1.5, 32000),
("HF087", "Localism and Big Society Steering Group",
 "To encourage residents to volunteer, to give their time and to take part in running local services and "
 "assets, in the spirit of the Big Society and the Localism Act 2011, and to work in partnership to improve "
 "outcomes for local people.",
 "co", "E", "pl", "none",
 "HDC CVS DCC RCC DALC VC POL", 4, 2, 0),
("HF088", "Harrowfield Volunteering Development Partnership",
 "Increase the number of people who volunteer regularly; brokerage of placements; good practice for "
 "volunteer-involving organisations; annual volunteer awards.",
 "co", "O", "vo", "ua",
 "VC CVS HDC LT AGE YT DIO", 4, 1.5, 6000),
("HF089", "Get Involved Harrowfield",
 "A campaign run by the CVS to get more local people giving a few hours to a good cause - matching people to "
 "opportunities and celebrating what they do.",
 "co", "O", "vo", "none",
 "CVS VC ROT DIO HTC KTC", 6, 1, 1500),
("HF090", "Active Communities Theme Group",
 "Active citizenship.",
 "co", "E", "pl", "none",
 "CVS HDC DCC VC RCC POL", 4, 1.5, 0),
("HF091", "Parish and Town Councils Liaison Forum",
 "Twice-yearly meeting between the District Council and the 48 parish and town councils on planning, precepts, "
 "devolved services and the new community rights (right to bid, right to challenge).",
 "co", "E", "vo", "none",
 "HDC DALC HTC KTC SPC APC DCC POL CVS FIRE", 2, 2.5, 0),
("HF092", "Neighbourhood Planning Support Group",
 "Help parishes and town councils prepare Neighbourhood Development Plans under the Localism Act: designating "
 "areas, gathering evidence, consultation and referendums; front-runner funding.",
 "co ho", "O", "pl", "none",
 "HDC DALC RCC SPC KTC APC CVS", 6, 2, 20000),
("HF093", "Local Plan Steering Group",
 "Steer the Harrowfield Core Strategy / Local Plan to 2031: housing numbers, strategic sites, examination in "
 "public.",
 "ho ec en", "E", "st", "none",
 "HDC DCC EA HCA NE", 6, 2, 0),
("HF094", "Village Halls and Community Buildings Network",
 "",
 "co", "O", "vo", "ua",
 "RCC DALC CVS HDC APC SPC", 2, 2, 0),
("HF095", "Moorside Neighbourhood Management Board",
 "Improve the Moorside estate, the district's most deprived neighbourhood: refurbish the community centre, "
 "replace the play area and improve the shops parade.",
 "co ec ho", "E", "pl", "none",
 "HH HDC MRA POL DCC CVS", 6, 2, 60000),
("HF096", "Harrowfield Compact Working Group",
 "Keep the Local Compact between public bodies and the voluntary sector up to date: funding, consultation and "
 "commissioning code.",
 "co", "O", "vo", "none",
 "CVS HDC DCC PCT POL", 2, 1.5, 0),
("HF097", "Armed Forces Community Covenant Group",
 "Harrowfield Community Covenant signed 2012: support for serving personnel, veterans and their families.",
 "co", "O", "vo", "none",
 "HDC DCC JCP HH CAB DIO CVS POL FIRE", 2, 1.5, 0),
("HF098", "Harrowfield Pool and Leisure Centre Users' Forum",
 "Users of Harrowfield Pool and Leisure Centre meet the Leisure Trust to raise issues about timetables, prices "
 "and cleanliness.",
 "cl", "O", "vo", "none",
 "LT HDC SPORT HTC MRA", 3, 1.5, 0),
("HF099", "Kelbury Sports Centre Users' Forum",
 "Users of Kelbury Sports Centre and the dual-use hall at the school meet the Leisure Trust about bookings, "
 "prices and repairs.",
 "cl", "O", "vo", "none",
 "LT HDC KTC PRIM SPORT", 3, 1.5, 0),
("HF100", "Harrowfield Community Sport Network",
 "Grow participation in sport through clubs and coaching; Olympic legacy 2012; Sportivate and Satellite Clubs.",
 "cl", "O", "fu", "none",
 "SPORT LT HDC ACAD COL DCC PCT", 4, 2, 18000),
("HF101", "Corn Exchange Arts and Heritage Forum",
 "Arts development, heritage open days, the town museum and the Corn Exchange programme.",
 "cl", "O", "vo", "ua",
 "ARTS HDC HTC DCC TOUR LT CVS", 4, 2, 9000),
("HF102", "Olympic Torch Relay and Diamond Jubilee Events Group",
 "Torch relay through Harrowfield on 21 May 2012 and the Jubilee beacon lighting. Finished September 2012.",
 "cl co", "O", "vo", "none",
 "HDC HTC POL FIRE DCC LT", 8, 1.5, 12000),
("HF103", "Sexual Health and Teenage Pregnancy Group",
 "Reduce under-18 conceptions; C-Card condom scheme; chlamydia screening for 15 to 24 year olds; contraception "
 "clinics at the College.",
 "h cyp", "O", "pl", "none",
 "PCT DCC COL ACAD CHS YT", 4, 1.5, 16000),
("HF104", "Harrowfield Heads' Consortium",
 "Secondary and primary headteachers working together on school improvement, transition between schools and "
 "shared staff training as more schools become academies.",
 "ed cyp", "O", "vo", "none",
 "ACAD PRIM DCC COL HDC", 6, 2, 0),
("HF105", "Harrowfield Adult and Community Learning Partnership",
 "Plan adult learning in the villages: basic literacy and numeracy, computer courses for older people, family "
 "learning.",
 "ed co", "O", "fu", "none",
 "DCC COL CVS AGE HDC RCC", 3, 2, 85000),
("HF106", "Harrowfield and Vale Learning Disability Partnership Board",
 "Valuing People Now: people with learning disabilities to have real jobs, a choice of where to live, annual "
 "health checks and a say in decisions that affect them.",
 "h em ho", "E", "pl", "none",
 "DCC CCG CVS CARE HW HDC MHT", 4, 2.5, 0),
]

GROUPS = [
    ["HF048", "HF049"],                 # NEET 16-18 vs keeping teenagers in learning (acronym spelled out, numbers in words)
    ["HF035", "HF036"],                 # council-led dementia friendly vs voluntary memory loss alliance
    ["HF043", "HF044", "HF045"],        # Troubled Families vs Team Around the Family vs Community Budget
    ["HF025", "HF026"],                 # sub-groups of CSP and CYP partnership on young people's substance misuse
    ["HF066", "HF067", "HF068"],        # rural exception sites vs parish working group vs HCA programme board
    ["HF071", "HF072"],                 # affordable warmth vs fuel poverty (empty objective, same members)
    ["HF028", "HF029"],                 # falls (one word) vs hip fracture reduction over-65s, same members
    ["HF074", "HF075"],                 # statutory flood risk group vs voluntary ditches forum
    ["HF016", "HF017"],                 # MARAC acronym vs high-risk domestic abuse case conference
    ["HF056", "HF057"],                 # town centre partnership vs Portas Pilot town team
    ["HF012", "HF082", "HF083"],        # rural transport: funded partnership, voluntary group, OPP sub-group
    ["HF050", "HF051"],                 # positive activities 13-19 vs teenagers' things to do
    ["HF037", "HF038"],                 # carers partnership board vs carers' voice
    ["HF087", "HF088", "HF089", "HF090"],  # volunteering / Big Society / active citizenship
    ["HF040", "HF041"],                 # PBC consortium renamed CCG locality, same members
    ["HF005", "HF006"],                 # children's trust renamed CYP partnership, same members
    ["HF061", "HF062"],                 # worklessness sub-groups of two boards
]

HARD_NEGATIVES = [
    ["HF046", "HF047"],   # children's vs adults' safeguarding
    ["HF016", "HF018"],   # MARAC (victims) vs MAPPA (offenders)
    ["HF056", "HF058"],   # town centre management in two different towns
    ["HF023", "HF024"],   # neighbourhood action groups in two different areas
    ["HF030", "HF031"],   # diabetes vs stroke and heart
    ["HF074", "HF076"],   # flood risk works vs community emergency plans
    ["HF066", "HF069"],   # rural affordable housing vs homelessness prevention
    ["HF092", "HF093"],   # neighbourhood plans vs district local plan
    ["HF012", "HF086"],   # community transport vs moped loans for work
    ["HF025", "HF027"],   # young people's vs adult substance misuse
    ["HF071", "HF073"],   # fuel poverty vs carbon reduction
    ["HF077", "HF078"],   # AONB landscape vs biodiversity action plan
    ["HF098", "HF099"],   # users' forums of two different leisure centres
    ["HF034", "HF035"],   # working-age mental health vs dementia
    ["HF037", "HF039"],   # adult carers vs young carers
    ["HF061", "HF064"],   # worklessness vs apprenticeships
]


def main():
    keys = [o[0] for o in ORGS]
    assert len(set(keys)) == len(keys)
    oid = {k: f"H{i + 1:02d}" for i, k in enumerate(keys)}
    with open(os.path.join(HERE, "organisations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "sector", "type"])
        for k, name, sector, typ in ORGS:
            w.writerow([oid[k], name, sector, typ])
    prow, mrow = [], []
    for ref, title, obj, th, lay, bas, leg, mem, mpy, hrs, bud in P:
        toks = mem.split()
        lead = toks[0]
        themes = ";".join(THEME[t] for t in th.split())
        prow.append([ref, title, obj, themes, LAYER[lay], BASIS[bas], LEGAL[leg], oid[lead], mpy, hrs, bud])
        seen = set()
        for i, t in enumerate(toks):
            k, _, r = t.partition("/")
            assert k not in seen, (ref, k)
            seen.add(k)
            role = "chair" if i == 0 else ROLE[r or "m"]
            mrow.append([ref, oid[k], role])
    with open(os.path.join(HERE, "partnerships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
                    "meetings_per_year", "meeting_hours", "annual_budget_gbp"])
        w.writerows(prow)
    with open(os.path.join(HERE, "memberships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["partnership_ref", "org_id", "role"])
        w.writerows(mrow)
    npairs = sum(len(g) * (len(g) - 1) // 2 for g in GROUPS)
    truth = {
        "groups": GROUPS,
        "hard_negatives": HARD_NEGATIVES,
        "note": (f"Harrowfield (fictional shire district in fictional Dunmoorshire, c. 2011-2014). "
                 f"{len(GROUPS)} duplicate groups, {npairs} true pairs, {len(HARD_NEGATIVES)} hard negatives. "
                 "Any pair not inside a group is not a duplicate."),
    }
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
