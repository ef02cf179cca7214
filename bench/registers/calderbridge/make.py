#!/usr/bin/env python3
"""Write the Calderbridge partnership-register benchmark.

Calderbridge is a made-up English metropolitan borough in the Midlands, as its partnership
register might have stood around 2014-2017. Everything here is invented.

usage: python3 make.py      (writes organisations.csv, partnerships.csv, memberships.csv,
                             truth.json next to this script; same output every time)

Standard library only. All wording is data below.
"""
import csv, json, os

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# Organisations: key, name, sector, type.  Ids O01.. are given in this order.
# ---------------------------------------------------------------------------------------------
ORGS = [
    ("CBC", "Calderbridge Metropolitan Borough Council", "public", "metropolitan borough council"),
    ("CCG", "NHS Calderbridge Clinical Commissioning Group", "public", "clinical commissioning group"),
    ("POL", "Mercian Vale Police", "public", "police force"),
    ("PCC", "Office of the Police and Crime Commissioner for Mercian Vale", "public", "police and crime commissioner"),
    ("CVS", "Calderbridge Council for Voluntary Service", "voluntary", "council for voluntary service"),
    ("HOS", "Calderbridge and Northwood Hospitals NHS Foundation Trust", "public", "NHS foundation trust (acute)"),
    ("HOM", "Calderbridge Homes Ltd", "public", "arm's length housing company (council owned)"),
    ("MHT", "Mercian Vale Partnership NHS Foundation Trust", "public", "NHS foundation trust (mental health and community)"),
    ("FRS", "Mercian Vale Fire and Rescue Service", "public", "fire and rescue service"),
    ("NPS", "National Probation Service - Mercian Vale", "public", "probation service"),
    ("CRC", "Mercian Vale Community Rehabilitation Company", "private", "community rehabilitation company"),
    ("JCP", "Jobcentre Plus Calderbridge (DWP)", "public", "government agency"),
    ("COL", "Calderbridge College", "public", "further education college"),
    ("PHE", "Public Health England - West Midlands Centre", "public", "government agency"),
    ("NHE", "NHS England - West Midlands", "public", "NHS commissioner"),
    ("HWC", "Healthwatch Calderbridge", "voluntary", "local Healthwatch (community interest company)"),
    ("CHA", "Calderbridge Chamber of Commerce", "private", "chamber of commerce"),
    ("LEP", "Calder and Tame Local Enterprise Partnership Ltd", "private", "local enterprise partnership"),
    ("MCA", "Mercian Combined Authority", "public", "combined authority"),
    ("TBC", "Tamebury Metropolitan Borough Council", "public", "metropolitan borough council"),
    ("KCC", "Kingsholm City Council", "public", "metropolitan city council"),
    ("MTE", "Mercian Transport Executive", "public", "passenger transport executive"),
    ("EA", "Environment Agency", "public", "government agency"),
    ("CRT", "Canal & River Trust", "voluntary", "national charity"),
    ("WLT", "Calder Valley Wildlife Trust", "voluntary", "wildlife trust"),
    ("TOC", "Midland Valleys Railway", "private", "train operating company"),
    ("NWR", "Network Rail", "public", "rail infrastructure owner"),
    ("RUG", "Calder Line Rail Users Group", "community", "rail users group"),
    ("BUS", "Calder Buses Ltd", "private", "bus operator"),
    ("RTL", "Redline Travel Ltd", "private", "bus operator"),
    ("AGE", "Age UK Calderbridge", "voluntary", "older people's charity"),
    ("CAR", "Calderbridge Carers Centre", "voluntary", "carers' charity"),
    ("MND", "Calderbridge Mind", "voluntary", "mental health charity"),
    ("CAB", "Citizens Advice Calderbridge", "voluntary", "advice charity"),
    ("SAM", "Calderbridge and District Samaritans", "voluntary", "listening charity"),
    ("NCA", "Northwood Community Association", "community", "community association"),
    ("LTR", "Lowfield Tenants and Residents Association", "community", "tenants and residents association"),
    ("SGT", "Saltley Green Community Trust", "community", "development trust"),
    ("BVP", "Brackley Vale Parish Council", "public", "parish council"),
    ("BID", "Calderbridge Town Centre BID Company", "private", "business improvement district"),
    ("FTH", "Calderbridge Faith Forum", "community", "interfaith network"),
    ("RAS", "Calderbridge Refugee and Asylum Seeker Welcome", "voluntary", "refugee support charity"),
    ("VHG", "Vale Housing Group", "voluntary", "housing association"),
    ("BLH", "Brackley and Lowfield Housing Trust", "voluntary", "housing association"),
    ("SHA", "Calderbridge Association of Secondary Headteachers", "public", "schools association"),
    ("SCH", "Calderbridge Primary Heads Forum", "public", "schools association"),
    ("NLT", "Northwood Learning Trust", "public", "multi-academy trust"),
    ("UNI", "University of Mercia", "public", "university"),
    ("YTH", "Calderbridge Youth Network", "voluntary", "youth charity"),
    ("CMP", "Compass Recovery Calderbridge", "voluntary", "drug and alcohol treatment provider"),
    ("VIC", "Mercian Victims' Service", "voluntary", "victims' charity"),
    ("WAD", "Calderbridge Women's Aid", "voluntary", "domestic abuse charity"),
    ("PES", "Pathway Employment Services Ltd", "private", "Work Programme prime contractor"),
    ("WHC", "Midlands Warm Homes CIC", "voluntary", "community interest company (energy advice)"),
    ("FSB", "Calderbridge Small Business Forum", "private", "business network"),
    ("LAN", "Calderbridge Landlords Association", "private", "landlords association"),
    ("OPD", "Open Door Calderbridge", "voluntary", "homelessness charity"),
    ("LEI", "Calderbridge Leisure Trust", "voluntary", "leisure trust"),
    ("GPA", "Calderbridge GP Alliance", "private", "GP federation"),
    ("AMB", "Mercian Ambulance Service NHS Trust", "public", "ambulance trust"),
    ("HOF", "Home Office", "public", "government department"),
    ("HCA", "Homes and Communities Agency", "public", "government agency"),
    ("PCF", "Calderbridge Parent Carer Forum", "community", "parent carer forum"),
    ("DPO", "Calderbridge Disability Forum", "community", "disabled people's organisation"),
]

TH = {"h": "health", "cs": "community safety", "cyp": "children and young people", "op": "older people",
      "eco": "economy and regeneration", "edu": "education and skills", "hou": "housing",
      "env": "environment", "tr": "transport", "cul": "culture and leisure", "com": "community",
      "da": "drugs and alcohol", "emp": "employment"}
LEG = {"-": "none", "clg": "company limited by guarantee", "cio": "charitable incorporated organisation",
       "cic": "community interest company", "ua": "unincorporated association", "jc": "joint committee"}
ROLE = {"*": "chair", "+": "vice-chair", "$": "accountable body", "~": "observer"}

# ---------------------------------------------------------------------------------------------
# Partnerships, in register order (overarching boards first, then thematic boards and their
# sub-groups). Fields: key, title, objective, themes, layer, basis, legal, members, meetings/yr,
# hours, annual budget.  Members: org keys, first marked * is chair (= lead org);
# + vice-chair, $ accountable body, ~ observer, unmarked = member.
# ---------------------------------------------------------------------------------------------
P = [
    # ---- overarching -------------------------------------------------------------------------
    ("cbp", "Calderbridge Together - Strategic Partnership Board",
     "Overarching partnership for the borough. Owns the Calderbridge 2020 vision 'a fair start and a good "
     "life for everyone', agrees a small number of shared priorities each year, holds the thematic "
     "partnerships to account and looks at how partners can reduce demand on public services as budgets fall.",
     "com;eco;h", "strategic", "plan", "-",
     "CBC* CCG+ POL CVS HOS HOM COL CHA FRS UNI FTH VHG JCP LEP", 4, 2, 0),
    ("hwb", "Calderbridge Health and Wellbeing Board",
     "To encourage integrated working between commissioners of health services, public health and social "
     "care services for the purposes of advancing the health and wellbeing of the people of Calderbridge; "
     "to prepare and publish the Joint Strategic Needs Assessment and the Joint Health and Wellbeing "
     "Strategy (Health and Social Care Act 2012 ss.194-196); to approve the Better Care Fund plan and the "
     "Pharmaceutical Needs Assessment.",
     "h;op;cyp", "strategic", "statutory", "-",
     "CBC* CCG+ HOS MHT HWC CVS NHE PHE POL HOM GPA AGE", 6, 2.5, 0),
    ("mca", "Mercian Combined Authority (shadow) Board",
     "Shadow board of the constituent metropolitan councils and the LEP preparing the devolution deal and "
     "the Combined Authority Order - transport, economic growth, skills, housing land and public service "
     "reform; mayoral election May 2017.",
     "eco;tr;edu", "strategic", "statutory", "jc",
     "MCA* CBC TBC KCC LEP MTE PCC~", 10, 2, 250000),
    ("lep", "Calder & Tame LEP Board",
     "The LEP Board sets the Strategic Economic Plan for the Calder and Tame area and is accountable to "
     "Government for the Local Growth Fund. Private sector led, with council leaders and the universities, "
     "our ambition is 50,000 more jobs and an economy growing faster than the national average by 2025.",
     "eco;emp", "strategic", "plan", "clg",
     "LEP* CBC TBC KCC CHA UNI COL FSB MCA", 6, 3, 1200000),
    ("growth", "Calderbridge Economic Growth Board",
     "Delivery of the Borough Economic Strategy 2015-2025: inward investment, town centre vitality, business "
     "support, housing growth and infrastructure; makes sure Calderbridge projects are in the LEP pipeline.",
     "eco", "strategic", "plan", "-",
     "CBC* CHA+ LEP BID FSB UNI COL HCA MCA VHG HOM", 6, 2, 0),
    # ---- economy, skills, employment -----------------------------------------------------------
    ("gd", "Growth Deal Programme Board",
     "Programme management of Local Growth Fund (Growth Deal 1, 2 and 3) projects in Calderbridge - Saltley "
     "Green link road, Calderbridge College STEM centre, Lowfield flood alleviation scheme. Monitor spend "
     "against profile, outputs and change requests and report to the LEP Investment Panel.",
     "eco;tr", "executive", "funding", "-",
     "CBC* LEP$ COL MCA EA HCA CHA", 12, 1.5, 0),
    ("esif", "Calder & Tame ESIF Sub-Committee",
     "Advises the Managing Authorities (DCLG for ERDF, DWP for ESF) on local priorities for the 2014-2020 "
     "European Structural and Investment Funds allocation; reviews outline applications for strategic fit "
     "with the LEP's ESIF strategy; monitors programme performance locally.",
     "eco;emp", "executive", "funding", "-",
     "LEP* CBC TBC KCC CVS UNI JCP COL", 4, 3, 0),
    ("ez", "Calder Gate Enterprise Zone Board", "",
     "eco", "executive", "funding", "-",
     "LEP* CBC CHA MCA UNI HCA", 4, 1.5, 0),
    ("tcp_town", "Calderbridge Town Centre Partnership",
     "Town centre management - works with the BID on footfall, empty shops, markets, events programme, "
     "Christmas lights; raises street drinking & begging with police. Sits under the Growth Board.",
     "eco;cs;cul", "operational", "voluntary", "clg",
     "BID* CBC CHA POL FSB HOM LEI", 10, 1.5, 40000),
    ("esb", "Calderbridge Employment & Skills Board",
     "Employer-led board. Match skills provision with what local employers need now and in 5 years time, "
     "raise adult skill levels, bring down youth unemployment, and make sure local people get the jobs "
     "created by Growth Deal investment.",
     "emp;edu;eco", "strategic", "plan", "-",
     "CHA* CBC+ COL UNI JCP PES LEP FSB NLT SHA CVS HOM", 4, 2, 0),
    ("neet", "ESB - NEET Reduction Sub-group",
     "Cut the number of young people not in education, employment or training. Track 'not knowns' on CCIS, "
     "Youth Contract and ESF NEET project referrals, September Guarantee offers, Jobcentre youth offer.",
     "edu;emp;cyp", "operational", "plan", "-",
     "COL* CBC JCP PES YTH SHA CHA", 6, 1.5, 0),
    ("app", "Calderbridge Apprenticeship Hub",
     "Increase apprenticeship starts with small and medium employers - AGE grant, employer visits, vacancy "
     "matching, getting ready for the levy (April 2017) and the public sector 2.3% target for the council.",
     "emp;edu;eco", "operational", "funding", "-",
     "COL* CBC CHA FSB JCP LEP NLT", 6, 1.5, 180000),
    ("wp", "Work Programme Local Partnership",
     "Pathway (prime) and subcontractors with Jobcentre Plus and the council - ESA and JSA referrals, job "
     "outcome performance, links to local vacancies and skills provision, up to 2 yr attachment.",
     "emp", "operational", "funding", "-",
     "PES* JCP CBC COL CVS MND CMP", 4, 2, 0),
    ("ucp", "Universal Credit Partnership (LSSF)",
     "Delivery Partnership Agreement with DWP under the Local Support Services Framework - assisted digital "
     "support and personal budgeting support for UC claimants; full service go-live at Calderbridge "
     "Jobcentre Nov 2017.",
     "emp;hou", "operational", "funding", "-",
     "JCP* CBC CAB HOM VHG BLH", 6, 1.5, 95000),
    ("wrs", "Welfare Reform Steering Group",
     "Co-ordinate the response of the council and partners to the Welfare Reform Act 2012 and the Welfare "
     "Reform and Work Act 2016 (benefit cap, removal of the spare room subsidy, LHA freeze, Council Tax "
     "Support), including use of Discretionary Housing Payments and local welfare provision, and prepare "
     "residents for Universal Credit.",
     "eco;hou;emp", "executive", "plan", "-",
     "CBC* HOM JCP CAB VHG BLH CVS", 6, 1.5, 0),
    # ---- health and wellbeing ------------------------------------------------------------------
    ("bcf", "Better Care Fund Programme Board",
     "Oversight of the Calderbridge BCF plan (GBP 21.6m pooled 2016/17). Assurance on national conditions "
     "and metrics - non-elective admissions, DTOC, permanent admissions to residential care, reablement. "
     "Schemes: integrated neighbourhood teams, 7 day discharge, DFGs, carers breaks. Reports to HWB.",
     "h;op", "executive", "funding", "-",
     "CBC* CCG+ HOS MHT GPA HOM AGE CVS HWC", 12, 2, 21600000),
    ("stp", "Calder & Tame STP Partnership Board",
     "Sustainability and Transformation Plan footprint board - 3 CCGs, 3 councils, 4 providers. Close the "
     "health and wellbeing gap, the care and quality gap and the finance and efficiency gap by 2020/21.",
     "h", "strategic", "plan", "-",
     "CCG* TBC KCC CBC HOS MHT NHE AMB", 6, 3, 0),
    ("aed", "Calderbridge A&E Delivery Board",
     "Replaces the System Resilience Group from Sept 2016. Deliver the 4 hour A&E standard and the five "
     "mandated improvements (front door streaming, NHS 111, ambulance response, patient flow, discharge); "
     "winter plan and escalation.",
     "h;op", "executive", "plan", "-",
     "HOS* CCG+ CBC AMB MHT GPA NHE", 12, 2, 0),
    ("pcc", "Primary Care Commissioning Committee",
     "Delegated commissioning of GP services from NHS England from 1 April 2016 - GMS/PMS/APMS contracts, "
     "practice mergers, premises, GP Forward View.",
     "h", "executive", "statutory", "-",
     "CCG* NHE HWC CBC GPA PHE~", 6, 2, 0),
    ("jce", "Joint Commissioning Executive (Adults)",
     "Section 75 partnership agreement. The Director of Adult Social Services and the CCG Chief Officer "
     "jointly buy community health and social care from one pooled budget so that older and disabled people "
     "stay independent at home and out of hospital. Agrees the spending plan and tracks avoidable "
     "admissions and delayed hospital transfers.",
     "h;op", "executive", "statutory", "-",
     "CCG* CBC$ MHT HOS AGE CAR GPA", 10, 2, 0),
    ("hpf", "Health Protection Forum",
     "assurance to the DPH on screening, immunisation, infection prevention & control, TB and health "
     "emergency preparedness.",
     "h", "executive", "statutory", "-",
     "CBC* PHE NHE CCG HOS MHT GPA", 4, 2, 0),
    ("tca", "Smokefree Calderbridge Tobacco Control Alliance",
     "Bring smoking prevalence down from 21% to 15% by 2020: illicit tobacco with Trading Standards, "
     "smokefree homes and cars, the stop smoking service, smoking in pregnancy.",
     "h;cs", "operational", "plan", "-",
     "CBC* CCG HOS POL HOM MHT HWC", 4, 1.5, 0),
    ("hcp", "0-19 Healthy Child Programme Board",
     "Public health nursing after health visiting transferred to the council (Oct 2015) - health visitors "
     "and school nurses, the five mandated checks, breastfeeding, Best Start.",
     "cyp;h", "executive", "statutory", "-",
     "CBC* MHT CCG HOS SCH NLT", 6, 2, 0),
    ("mvp", "Maternity Voices Partnership",
     "Women, families and staff working together to review and shape maternity care at Calderbridge general. "
     "15 Steps walkabouts, listening events, feedback from new mums. (was the MSLC)",
     "h;cyp", "operational", "voluntary", "-",
     "HWC* HOS CCG CVS PCF", 4, 2, 3000),
    ("sp", "Social Prescribing Steering Group",
     "CCG led. Develop a borough-wide social prescribing model so that GPs and practice staff can refer "
     "patients with non-clinical needs (isolation, debt, housing, low mood) to a link worker who connects "
     "them to community activities and support. Evaluation with University of Mercia.",
     "h;com", "executive", "plan", "-",
     "CCG* GPA CVS CBC UNI AGE CAB LEI", 6, 1.5, 0),
    ("si", "HWB Social Isolation Task & Finish Group",
     "HWB priority 4. Reduce social isolation amongst the over-65s: map who is most at risk using JSNA data, "
     "commission befriending, use the Campaign to End Loneliness measurement tool, intergenerational "
     "projects, community transport to groups.",
     "op;h;com", "executive", "plan", "-",
     "CBC* AGE CCG CVS HWC LEI RTL", 6, 1.5, 0),
    ("daa", "Dementia Action Alliance Calderbridge",
     "Working towards Calderbridge being recognised as a Dementia Friendly Community. Local businesses, "
     "shops, banks, bus companies and organisations sign up and publish action plans; Dementia Friends "
     "sessions; dementia friendly swimming and cinema screenings.",
     "op;h;com", "operational", "voluntary", "ua",
     "AGE* CBC CCG BID LEI BUS CAR HOS POL", 4, 1.5, 2500),
    ("mem", "Memory Assessment & Dementia Diagnosis Group",
     "Clinical group - improve the dementia diagnosis rate (58%) towards the national ambition of 67%, bring "
     "down waits for the memory assessment service, commission post-diagnostic support.",
     "h;op", "operational", "plan", "-",
     "CCG* MHT GPA HOS AGE CBC", 6, 1.5, 0),
    ("cpb", "Carers Partnership Board",
     "implement the Carers Strategy and the new Care Act duties - carers assessments, breaks, young carers, "
     "carers voice",
     "op;h;cyp", "executive", "plan", "-",
     "CAR* CBC CCG HOS AGE YTH MHT HWC", 4, 2, 0),
    ("ldpb", "Learning Disability Partnership Board",
     "Valuing People partnership board. People with learning disabilities, family carers and services "
     "together. What we are working on: getting a job, annual health checks at the GP, hate crime and Safe "
     "Places, being part of the community, easy read information.",
     "h;com;emp", "strategic", "plan", "-",
     "CBC* DPO PCF CCG MHT JCP CVS LEI POL CAR", 4, 2.5, 5000),
    ("tcp", "Calder & Tame Transforming Care Partnership Board",
     "TCP board for the three CCGs and three councils - implement Building the Right Support (Oct 2015): "
     "reduce reliance on inpatient beds for people with a learning disability and/or autism who display "
     "behaviour that challenges, develop community alternatives, Care and Treatment Reviews, discharge "
     "people by March 2019.",
     "h", "executive", "plan", "-",
     "CCG* CBC NHE MHT TBC KCC HWC PCF", 6, 2, 0),
    ("mhpb", "Mental Health Partnership Board",
     "Oversight of the all age Mental Health Strategy 2015-18 and the Five Year Forward View for Mental "
     "Health - IAPT access, early intervention in psychosis, perinatal mental health, parity of esteem.",
     "h", "strategic", "plan", "-",
     "CCG* CBC MHT HOS MND HWC POL GPA CVS", 4, 2, 0),
    ("sh", "MHPB Self-harm & Suicide Reduction Sub-group",
     "Task group of the MH Partnership Board. Reduce deaths by suicide and repeat self-harm attendances at "
     "A&E; liaison psychiatry; safety planning; workforce ASIST and Connect 5 training; real time "
     "surveillance with the coroner and police.",
     "h", "operational", "plan", "-",
     "MHT* CCG HOS POL CBC GPA MND", 6, 1.5, 0),
    ("ccc", "Crisis Care Concordat Group",
     "HWB sub-group. Deliver the Mental Health Crisis Care Concordat declaration and action plan: 24/7 "
     "crisis response, street triage, stop using police cells as a place of safety, health based place "
     "of safety at the Oakfield Unit, conveyance by ambulance.",
     "h;cs", "executive", "plan", "-",
     "CCG* MHT POL AMB HOS CBC MND HWC", 6, 2, 0),
    ("wvc", "Winterbourne View JIP - Local Steering Grp",
     "Winterbourne View Concordat: review every placement, joint plan to move people with LD/autism out of "
     "hospital settings into community based support, keep the register of inpatients up to date.",
     "h", "operational", "plan", "-",
     "CCG* CBC NHE MHT TBC KCC HWC PCF", 6, 2, 0),
    ("sps", "Suicide Prevention Steering Group",
     "Public Health lead. Refresh the local suicide audit and deliver the Calderbridge Suicide Prevention "
     "Plan in line with the national strategy (2012): high risk groups (men 35-64), reduce access to means "
     "(Calder Viaduct), responsible media reporting, bereavement support, training for frontline staff.",
     "h", "executive", "plan", "-",
     "CBC* CCG MHT POL SAM MND HOS NWR", 4, 2, 0),
    ("sbs", "Suicide Bereavement Peer Support Group",
     "monthly peer support meetings for people bereaved by suicide, facilitated by trained volunteers at "
     "Northwood library. Signposting to counselling.",
     "h;com", "operational", "voluntary", "ua",
     "SAM* MND CVS CBC FTH", 12, 2, 1500),
    ("sp_fund", "Community Connectors Programme Board",
     "Big Lottery and CCG funded 3 year programme (2016-19). Connectors based in surgeries have 'what "
     "matters to you' conversations and help people find groups, volunteering, welfare advice and exercise, "
     "so they visit the doctor less. The Board monitors contract KPIs and the SROI evaluation.",
     "h;com", "executive", "funding", "-",
     "CVS* CCG$ GPA AGE MND CAB", 4, 2, 420000),
    ("drug", "Drug & Alcohol Partnership Board",
     "Commisioning and performance of the integrated recovery service, alcohol related hospital admissions, "
     "needle exchange, criminal justice pathway, recovery community. Joint with Safer Calderbridge.",
     "da;h;cs", "executive", "plan", "-",
     "CBC* CMP POL NPS CRC CCG HOS PCC MHT HOM", 4, 2, 0),
    ("drd", "Drug Related Deaths Review Panel", "",
     "da;h", "operational", "plan", "-",
     "CMP* CBC POL HOS AMB NPS PHE", 4, 2, 0),
    # ---- safeguarding and children ---------------------------------------------------------------
    ("lscb", "Calderbridge Local Safeguarding Children Board",
     "To co-ordinate what is done by each person or body represented on the Board for the purposes of "
     "safeguarding and promoting the welfare of children in the area of the authority, and to ensure the "
     "effectiveness of what is done by each such person or body for those purposes (Children Act 2004 s.14). "
     "Independent chair hosted by the council.",
     "cyp;cs", "strategic", "statutory", "-",
     "CBC* POL CCG HOS MHT NPS CRC SHA SCH NLT COL YTH AMB HOM", 6, 3, 185000),
    ("cseD", "LSCB Sexual Exploitation & Missing Sub-Committee",
     "To hold partner agencies to account for the multi-agency response to children and young people at "
     "risk of, or experiencing, sexual exploitation, or who go missing from home, care or education; to "
     "maintain the problem profile and the Missing and Sexual Exploitation (MASE) meeting; to ensure return "
     "home interviews are offered within 72 hours; and to report to the Board quarterly.",
     "cyp;cs", "executive", "statutory", "-",
     "CBC* POL+ CCG HOS MHT YTH SHA HOM NPS", 6, 2, 0),
    ("mash", "MASH ops",
     "multi agency safeguarding hub operational group: info sharing, RAG rating of contacts recieved, thresholds, "
     "rota and co-location, seperate EDT arrangements",
     "cyp;cs", "operational", "statutory", "-",
     "CBC* POL HOS MHT CCG NPS HOM", 12, 1.5, 0),
    ("ehp", "Early Help Panel",
     "Weekly allocation panel for families below the social care threshold - agree lead professional, Team "
     "Around the Family, Early Help Assessment, step down from CSC.",
     "cyp", "operational", "plan", "-",
     "CBC* SCH NLT MHT YTH HOM CVS", 48, 2, 0),
    ("cdop", "Child Death Overview panel (Calder & Tame)",
     "review of all child deaths under 18 in Calderbridge and Tamebury, modifiable factors, safe sleeping "
     "campaign",
     "cyp;h", "operational", "statutory", "-",
     "CBC* CCG HOS PHE POL AMB TBC", 6, 3, 0),
    ("cyp", "Children and Young People's Partnership",
     "Children's Trust arrangements kept locally after 2010. Oversees the Children and Young People's Plan "
     "2014-17: best start in life, early help, emotional health and wellbeing, closing the attainment gap.",
     "cyp;edu;h", "strategic", "plan", "-",
     "CBC* CCG HOS MHT POL SHA SCH NLT COL YTH CVS HWC", 4, 2, 0),
    ("rpa", "Raising Participation Age (16-18) Group",
     "The council's duty under the Education and Skills Act 2008 to make sure every 16 and 17 year old "
     "stays in learning - traineeships, apprenticeships, college places, year 11 transition from school, "
     "finding and following up young people who drop out.",
     "cyp;edu", "operational", "statutory", "-",
     "CBC* SHA NLT COL YTH PCF", 6, 1.5, 0),
    ("send", "SEND Reform Board",
     "Children and Families Act 2014 Part 3 - transfer statements to EHC plans by April 2018, the Local Offer, "
     "joint commissioning with the CCG, getting ready for the Ofsted/CQC local area inspection.",
     "cyp;edu;h", "executive", "statutory", "-",
     "CBC* CCG PCF SCH SHA NLT COL MHT", 6, 2, 0),
    ("corp", "Corporate Parenting Board",
     "Elected members and officers for our children in care and care leavers - placement stability, the "
     "virtual school, health assessments, staying put, voice of the Children in Care Council.",
     "cyp", "executive", "statutory", "-",
     "CBC* CCG HOS COL HOM POL YTH", 6, 2, 0),
    ("sf", "Schools Forum",
     "DSG funding formula, high needs block, de-delegation, central schools services block",
     "edu", "executive", "statutory", "-",
     "SHA* SCH NLT CBC COL", 5, 2, 0),
    ("ccac1", "Lowfield Children's Centre Advisory Board",
     "Sure Start children's centre advisory board for the Lowfield and Northwood reach area - parents' "
     "voice, registration and reach figures, Ofsted readiness, budget.",
     "cyp;com", "operational", "statutory", "-",
     "CBC* LTR NCA MHT HOS SCH CVS", 4, 1.5, 0),
    ("ccac2", "Saltley Green Children's Centre Advisory Board",
     "advisory board for the Saltley Green and Brackley Vale children's centre group: parent forum, outreach "
     "to families we don't see, take up of the free 2 year old places.",
     "cyp;com", "operational", "statutory", "-",
     "CBC* SGT BVP MHT HOS SCH CVS", 4, 1.5, 0),
    ("tf1", "Troubled Families Programme Board",
     "To oversee Calderbridge's delivery of the national Troubled Families programme 2012-2015: to turn "
     "around 1,040 families meeting the national criteria (crime and anti-social behaviour, exclusion and "
     "truancy, out of work) and to make payment-by-results claims to DCLG.",
     "cyp;emp;cs", "executive", "funding", "-",
     "CBC* POL JCP HOM SCH CCG NPS YTH", 6, 2, 0),
    ("fgm", "FGM & Honour Based Abuse Network",
     "awareness of female genital mutilation, forced marriage and so called honour based violence among "
     "professionals and communities, mandatory reporting duty (Oct 2015), referral routes",
     "cs;cyp;h", "operational", "voluntary", "-",
     "WAD* CBC POL HOS FTH SCH CCG", 4, 1.5, 0),
    ("cseA", "CSE strategic grp",
     "CSE & missing - LSCB",
     "cyp;cs", "executive", "statutory", "-",
     "CBC* POL+ CCG HOS MHT YTH SHA HOM NPS", 6, 2, 0),
    ("yos", "Youth Offending Service Management Board",
     "Statutory under s.39 Crime and Disorder Act 1998 - oversight of the YOS: reduce first time entrants, "
     "reoffending and the use of custody; YJB national standards; HMIP inspection action plan.",
     "cyp;cs", "executive", "statutory", "-",
     "CBC* POL NPS CCG SHA MHT PCC YTH", 4, 2, 1350000),
    # ---- adults safeguarding -----------------------------------------------------------------------
    ("sab", "Calderbridge Safeguarding Adults Board",
     "Statutory board under s.43 Care Act 2014. The objective of the Board is to help and protect adults in "
     "its area who have needs for care and support, are experiencing or at risk of abuse or neglect, and "
     "as a result are unable to protect themselves; publish a strategic plan and annual report; arrange "
     "Safeguarding Adults Reviews.",
     "op;h;cs", "strategic", "statutory", "-",
     "CBC* CCG+ POL HOS MHT FRS AMB HOM HWC AGE CVS NPS VHG", 4, 3, 95000),
    ("sar", "SAB Safeguarding Adults Review Sub-group",
     "consider referrals for SARs under s.44 Care Act, commission independent reviewers, monitor action "
     "plans, learning briefings for practitioners",
     "op;h", "operational", "statutory", "-",
     "CBC* CCG POL HOS MHT AGE FRS", 6, 2, 0),
    ("hoard", "Hoarding panel",
     "Fire service led panel for people whose hoarding puts them or their neighbours at risk. Agree a joint "
     "plan (clutter image rating), mental health assessment, deep clean, tenancy support, s.42 self-neglect "
     "enquiry if needed.",
     "hou;h;cs", "operational", "voluntary", "-",
     "FRS* CBC HOM MHT VHG BLH AGE POL", 12, 2, 0),
    # ---- community safety ------------------------------------------------------------------------
    ("csp", "Safer Calderbridge Partnership (CSP)",
     "Statutory community safety partnership (ss.5-7 Crime and Disorder Act 1998). The responsible "
     "authorities work together to reduce crime and disorder, anti-social behaviour, substance misuse and "
     "reoffending; produce the annual Strategic Assessment and 3 year Partnership Plan; commission Domestic "
     "Homicide Reviews; work with the Police & Crime Commissioner.",
     "cs;da", "strategic", "statutory", "-",
     "CBC* POL+ FRS NPS CRC CCG PCC HOM CVS VHG WAD YTH", 4, 2.5, 310000),
    ("cseB", "Missing, Exploited and Trafficked (MET) Strategic Board",
     "Set up by Safer Calderbridge after the Jay report into Rotherham (August 2014) and the Casey "
     "inspection - so that it cannot happen here. Pool intelligence on offenders and places of concern "
     "(taxi ranks, takeaways, hotels, parks), use disruption tactics (child abduction warning notices, "
     "licensing reviews, Operation Makesafe) and make sure young victims are listened to and supported.",
     "cs;cyp", "executive", "plan", "-",
     "POL* CBC PCC HOM FRS YTH CRC VIC BID", 6, 2, 0),
    ("mhp", "Policing and Mental Health Working Group",
     "Police lead, reports to Safer Calderbridge. Detentions under s.136 MHA, triage car pilot, people in "
     "crisis held in custody, AMHP cover out of hours, getting people to hospital by ambulance not police "
     "van, data sharing.",
     "cs;h", "operational", "plan", "-",
     "POL* MHT CBC AMB CCG PCC", 6, 1.5, 0),
    ("dasp", "Domestic Abuse Strategic Partnership",
     "Sub-group of Safer Calderbridge. Owns the DA Strategy 2015-18: prevention, early identification, "
     "specialist services (IDVA, refuge), perpetrator programmes, learning from DHRs. Commissioning of "
     "refuge and outreach jointly with the PCC.",
     "cs;h", "executive", "plan", "-",
     "CBC* POL PCC WAD CCG HOS NPS CRC HOM", 4, 2, 460000),
    ("marac", "MARAC",
     "Multi-Agency Risk Assessment Conference - high risk domestic abuse cases (DASH 14+), safety plans, "
     "IDVA support, repeat victims.",
     "cs", "operational", "plan", "-",
     "POL* WAD CBC HOM HOS MHT NPS CRC VHG", 24, 3, 0),
    ("dhr", "Domestic Homicide Review Standing Panel",
     "Commission and oversee DHRs under s.9 Domestic Violence, Crime and Victims Act 2004: appoint the "
     "independent chair, agree scope, agency IMRs, action plans, Home Office quality assurance panel.",
     "cs", "operational", "statutory", "-",
     "CBC* POL WAD CCG HOS NPS MHT HOM", 4, 2, 30000),
    ("prevent", "Prevent Steering Group",
     "Counter-Terrorism and Security Act 2015 Prevent duty (from July 2015): specified authorities must have "
     "due regard to the need to prevent people from being drawn into terrorism. Local risk assessment and "
     "CTLP, WRAP training, venue hire policy, work with schools and mosques.",
     "cs;com", "executive", "statutory", "-",
     "CBC* POL HOF COL SHA FTH NPS CCG UNI", 4, 1.5, 0),
    ("channel", "Channel Panel",
     "multi agency panel chaired by the local authority (s.36 CTSA 2015) to assess individuals referred as "
     "vulnerable to being drawn into terrorism and agree a support package",
     "cs", "operational", "statutory", "-",
     "CBC* POL MHT SHA NPS HOM CCG", 12, 1.5, 0),
    ("asb", "ASB Tasking (Community MARAC)",
     "fortnightly meeting on high risk ASB victims and perpetrators - injunctions, CPNs, closure orders "
     "under the ASB, Crime and Policing Act 2014, Community Trigger reviews",
     "cs;hou", "operational", "statutory", "-",
     "POL* CBC HOM VHG BLH MHT FRS", 24, 1.5, 0),
    ("soc", "SOC board",
     "serious & organised crime - local profile, 4P plan",
     "cs;da", "executive", "plan", "-",
     "POL* CBC HOF NPS HOM PCC", 4, 1.5, 0),
    ("egyv", "Ending Gang and Youth Violence Programme Board",
     "Home Office EGYV peer review (2014) and two year programme funding: gang matrix, exit workers, "
     "A&E youth violence navigators, schools based mentoring. Funding ends March 2016.",
     "cs;cyp", "executive", "funding", "-",
     "CBC* POL HOF HOS YTH SHA NPS PCC", 6, 2, 240000),
    ("hate", "Hate Crime & Cohesion Forum",
     "Hate incident reporting centres, spike in reports after the EU referendum, community tension "
     "monitoring, Interfaith Week, Srebrenica memorial.",
     "cs;com", "operational", "voluntary", "-",
     "CBC* POL FTH RAS VIC DPO CVS", 4, 1.5, 0),
    ("nte", "Night Time Economy Group (Purple Flag)",
     "Safe and vibrant evening economy in the town centre - Purple Flag accreditation, street pastors, taxi "
     "marshals, Pubwatch, drink-related violence.",
     "cs;eco", "operational", "voluntary", "-",
     "BID* CBC POL AMB HOS CHA FRS", 4, 1.5, 12000),
    ("rrb", "Reducing Reoffending Board",
     "Adult reoffending - integrated offender management (IOM), accommodation for prison leavers, the "
     "Transforming Rehabilitation changes, NPS and CRC performance.",
     "cs;da;hou", "executive", "plan", "-",
     "NPS* CRC POL CBC CMP HOM PCC OPD JCP", 4, 2, 0),
    ("syv", "Serious Youth Violence & Knife Crime Sub-group",
     "CSP sub group. Reduce stabbings and weapon carrying by under 25s, group offending in Northwood and "
     "Saltley Green, county lines; positive activities and diversion, joint tasking, trauma-informed "
     "work with young people at risk.",
     "cs;cyp", "operational", "plan", "-",
     "POL* CBC YTH CRC NPS LEI HOM MHT", 6, 1.5, 0),
    ("lrf", "Mercian Vale Local Resilience Forum",
     "Civil Contingencies Act 2004 - Category 1 and 2 responders planning for emergencies, community risk "
     "register, multi agency exercises.",
     "cs;env", "strategic", "statutory", "-",
     "POL* FRS AMB CBC EA NHE PHE TBC KCC", 4, 3, 0),
    # ---- housing -----------------------------------------------------------------------------------
    ("hsp", "Housing Strategy Partnership",
     "delivery of the housing strategy - new supply (1,000 affordable homes by 2020), empty homes, housing "
     "for older people, HCA Shared Ownership and Affordable Homes Programme",
     "hou;eco", "strategic", "plan", "-",
     "CBC* HOM VHG BLH HCA LAN", 4, 2, 0),
    ("hsg", "Homelessness Strategy Steering Group",
     "Homelessness Act 2002 s.1: review homelessness in the district and publish the Calderbridge "
     "Homelessness Strategy 2014-19; prevent homelessness and secure that sufficient accomodation and "
     "support are available; monitor P1E returns, prevention and relief, temporary accommodation and B&B "
     "use.",
     "hou", "executive", "statutory", "-",
     "CBC* HOM VHG BLH OPD CAB NPS MHT", 4, 2, 0),
    ("shap", "Single Homeless Accommodation Panel",
     "weekly panel - allocation of supported housing and hostel places for single homeless people (under "
     "25s, complex needs), move on from hostels",
     "hou", "operational", "plan", "-",
     "CBC* OPD VHG HOM MHT NPS CMP", 48, 1.5, 0),
    ("sl", "Selective Licensing Steering Group",
     "Lowfield & Saltley Green selective licensing scheme (designated 2016 under Part 3 Housing Act 2004): "
     "licence applications from landlords, compliance inspections, enforcement, evaluation of the effect "
     "on ASB and low demand.",
     "hou;cs", "executive", "statutory", "-",
     "CBC* POL FRS LAN HOM LTR SGT", 6, 1.5, 320000),
    ("prsf", "Private Landlords Forum",
     "Landlords, letting agents and the council meet every quarter - news on goverment legislation (deposit "
     "protection, right to rent, gas safety), the landlord accreditation scheme, finding tenants, Universal "
     "Credit and direct payments.",
     "hou", "operational", "voluntary", "ua",
     "LAN* CBC FRS CAB JCP HOM", 4, 2, 0),
    ("aws", "Affordable Warmth Steering Group",
     "Deliver the borough Affordable Warmth Strategy: reduce fuel poverty (Low Income High Costs measure), "
     "target ECO funding at the worst homes, first time central heating, NICE NG6 excess winter deaths "
     "guidance, referrals from health professionals.",
     "hou;h;env;op", "executive", "plan", "-",
     "CBC* HOM WHC CCG AGE CAB VHG FRS", 4, 2, 0),
    ("cmb", "Carbon Management Board",
     "council and partners - cut CO2 from our own buildings and fleet by 40% by 2020: LED street lighting, "
     "solar PV on roofs, energy efficiency in schools, Salix loans",
     "env", "executive", "plan", "-",
     "CBC* COL UNI HOM HOS SCH", 4, 1.5, 0),
    ("hpt", "Homelessness Prevention Trailblazer Board",
     "DCLG Trailblazer grant (2017-19). Working upstream: spot households at risk early using rent arrears "
     "and benefit data, negotiate with private landlords, personal housing plans, test the new duties "
     "coming in with the Homelessness Reduction Bill before they start.",
     "hou", "executive", "funding", "-",
     "CBC* HOM JCP CAB LAN VHG CCG", 6, 1.5, 690000),
    ("nreg", "Northwood Regeneration Board",
     "Oversees the Northwood Masterplan: demolition of the Mill Lane flats, 400 new homes by Calderbridge "
     "Homes and Vale Housing, new health centre and local shopping parade, HCA Estate Regeneration Fund bid.",
     "eco;hou", "executive", "plan", "-",
     "CBC* HOM VHG HCA NCA CCG NLT", 6, 2, 0),
    # ---- environment and transport ---------------------------------------------------------------
    ("lnp", "Calder Valley Local Nature Partnership",
     "Local Nature Partnership recognised by Defra under the Natural Environment White Paper (2011). Bring "
     "nature back into towns, join up habitats along the river corridors, improve the health of rivers, and "
     "make the case for the natural environment in local plans and the LEP's growth plans.",
     "env", "strategic", "voluntary", "-",
     "WLT* EA CBC CRT UNI LEP TBC", 3, 3, 15000),
    ("frmp", "Calderbridge Flood Risk Management Partnership",
     "The council as Lead Local Flood Authority (Flood and Water Management Act 2010) co-ordinates flood "
     "risk management with the other risk management authorities; delivers the Local Flood Risk Management "
     "Strategy; investigates s.19 flooding incidents; manages capital bids to the Environment Agency for "
     "Flood Defence Grant in Aid.",
     "env;hou", "executive", "statutory", "-",
     "CBC* EA CRT NWR FRS HOM", 4, 2, 0),
    ("aq", "Air Quality Action Plan Steering Group",
     "Air quality - AQMAs declared along the A456 and the inner ring road where NO2 exceeds the annual mean "
     "objective (40ug/m3). Deliver the AQAP measures: bus retrofit (CBTF), taxi licensing emissions policy, "
     "anti-idling outside schools, monitoring network, PHOF indicator 3.01.",
     "env;h;tr", "executive", "statutory", "-",
     "CBC* PHE BUS MTE CCG HOS UNI", 4, 1.5, 0),
    ("crp", "Calder Line Community Rail Partnership",
     "Community Rail Partnership for the Calderbridge - Saltley Green - Brackley Vale line. Station adoption "
     "and volunteering, promoting the line to local people and visitors, and pressing for better services. "
     "Accredited by the Department for Transport.",
     "tr;com", "operational", "voluntary", "cic",
     "CBC* TOC NWR RUG BVP SGT MCA", 4, 2, 38000),
    ("bqp", "Calderbridge Bus Quality Partnership",
     "Voluntary partnership agreement between the council, the transport executive and bus operators: bus "
     "priority measures, better stops and real time information, in return for operator commitments on "
     "vehicle standards and frequencies.",
     "tr", "operational", "voluntary", "-",
     "MTE* BUS RTL CBC MCA", 4, 2, 0),
    ("cyc", "Calderbridge Cycle Forum", "",
     "tr;env", "operational", "voluntary", "-",
     "CBC* MTE LEI UNI COL", 4, 2, 0),
    # ---- neighbourhoods and community ---------------------------------------------------------------
    ("np_n", "Northwood Neighbourhood Partnership",
     "Bringing together ward councillors, residents, the police and services to agree Northwood's "
     "neighbourhood priorities and spend the ward devolved budget (GBP 20k). Current priorities: fly-tipping "
     "on Mill Lane, parking outside schools, things for young people to do.",
     "com;cs;env", "operational", "plan", "-",
     "CBC* NCA POL HOM NLT VHG CVS", 6, 2, 20000),
    ("np_l", "Lowfield Neighbourhood Partnership",
     "Residents, councillors and agencies working together for Lowfield. Priorites 2016/17: ASB on the "
     "Lowfield estate, dog fouling, holiday hunger, comunity clean up days.",
     "com;cs;env", "operational", "plan", "-",
     "CBC* LTR POL HOM BLH CVS FRS", 6, 2, 20000),
    ("np_s", "Saltley Green Neighbourhood Partnership",
     "Neighbourhood partnership for Saltley Green ward - community safety, environment and health priorities "
     "agreed by residents; manages the Community Chest small grants.",
     "com;cs;h", "operational", "plan", "-",
     "CBC* SGT POL HOM FTH CVS VHG", 6, 2, 20000),
    ("np_b", "brackley vale neighbourhood partnership",
     "brackley vale priorities - speeding on the B4410, rural isolation, the village hall, cuts to the 37 "
     "bus",
     "com;cs;tr", "operational", "plan", "-",
     "CBC* BVP POL HOM BLH CVS AGE", 6, 2, 20000),
    ("vcs", "Calderbridge Compact Group",
     "Compact between public bodies and the voluntary and community sector - fair commissioning, grants, "
     "volunteering, state of the sector survey",
     "com", "strategic", "voluntary", "-",
     "CVS* CBC CCG POL HWC AGE FTH", 4, 2, 0),
    ("afc", "Armed Forces Community Covenant Board", "",
     "com", "operational", "plan", "-",
     "CBC* JCP HOM CCG CVS", 2, 1.5, 0),
    ("cult", "Calderbridge Cultural Partnership",
     "arts, heritage and culture partners - shared events calendar, bid to Arts Council Great Place "
     "scheme, Calderbridge Festival",
     "cul", "strategic", "voluntary", "-",
     "LEI* CBC UNI BID COL CVS", 4, 2, 0),
    ("thi", "Saltley Green Townscape Heritage Board",
     "HLF Townscape Heritage scheme 2015-2020: repair of historic shopfronts and upper floors on Saltley "
     "Green High Street, activity plan with schools.",
     "cul;eco", "executive", "funding", "-",
     "CBC* SGT FSB LEI CHA", 6, 1.5, 1900000),
    ("vprs", "Syrian Vulnerable Persons Resettlement Scheme Steering Group",
     "Calderbridge pledged to resettle 50 Syrian households over five years under the VPRS (extended Sept "
     "2015). Arrange properties, reception at the airport, school places, GP registration, ESOL, orientation "
     "and integration support; claim the Home Office tariff.",
     "com;hou;h", "executive", "funding", "-",
     "CBC* HOM RAS CCG JCP COL POL SCH", 12, 1.5, 1100000),
    # ---- more thematic and voluntary groups -------------------------------------------------------
    ("sp_zero", "Calderbridge Zero Suicide Network",
     "A group of charities, people with lived experience and bereaved families who want no more lives lost "
     "in our borough. We run 'let's talk about it' sessions in pubs and barbers, worked with the railway "
     "to put signs up on the viaduct, and push the NHS and the council to do more.",
     "h;com", "operational", "voluntary", "ua",
     "SAM* MND CVS NWR FTH YTH LEI", 6, 2, 4000),
    ("lc", "Calderbridge Loneliness Coalition",
     "Voluntary groups, churches and lunch clubs working together so fewer older people in the borough feel "
     "lonely. We share what's on, do home visits, run tea dances and chatty cafe tables and tell people "
     "where help is.",
     "op;com", "operational", "voluntary", "ua",
     "AGE* CVS FTH CAR NCA SGT LTR", 6, 2, 6000),
    ("dvf", "Calderbridge Domestic Violence Forum",
     "Open network for everyone working on domestic violence in the borough, and survivors. Joined up help "
     "for victims, agree local priorities and an action plan, run 16 Days of Action and White Ribbon, "
     "learn from homicide reviews, training for workers.",
     "cs;com", "operational", "voluntary", "ua",
     "WAD* VIC FTH CVS CAB OPD YTH VHG", 6, 2, 3500),
    ("hf", "Calderbridge Homelessness Forum",
     "Charities, churches and hostels working together so nobody in Calderbridge has to lose their home or "
     "sleep on the streets. We meet every two months to share ideas, spot gaps and help people sooner - "
     "before the eviction notice, not after.",
     "hou;com", "operational", "voluntary", "cio",
     "OPD* FTH CAB CVS RAS SAM", 6, 2, 2000),
    ("whn", "Calderbridge Warm Homes Network",
     "We are local groups and advisers helping people who cannot afford to heat their homes. Energy advice "
     "at community centres, help switching supplier, Warm Home Discount, boiler grants, winter warmth packs. "
     "We pass referrals between us so nobody falls through the gaps.",
     "hou;com;op", "operational", "voluntary", "ua",
     "WHC* CAB AGE NCA SGT FTH CVS", 4, 2, 0),
    ("whp", "Warm Homes Healthy People Programme Board",
     "Managing the GBP 1.2m Central Heating Fund / Warm Homes Fund award (2017-19) and CCG winter monies: gas "
     "connections and new heating systems for households with cold-related illness (COPD, CVD) referred by "
     "GPs and on hospital discharge.",
     "hou;h", "executive", "funding", "-",
     "CBC* CCG WHC HOS GPA HOM", 6, 1.5, 1200000),
    ("wcig", "Benefit Changes Impact Group",
     "help people cope with cuts - bedroom tax, the cap, sanctions, UC waits. DHP and crisis grant policy, "
     "advice capacity, tracking rent arrears and foodbank referrals; feed back to DWP what is happening on "
     "the ground.",
     "hou;emp;com", "executive", "plan", "-",
     "CAB* CBC HOM VHG OPD CVS JCP~", 6, 1.5, 0),
    ("tf2", "Stronger Families Calderbridge Board",
     "Phase 2 (expanded programme) 2015-2020: 3,470 households with multiple problems across the six "
     "headline issues incl. domestic abuse, health and children who need help. Whole family keyworker "
     "approach, Family Outcomes Plan, 'significant and sustained progress' claims.",
     "cyp;emp;cs", "executive", "funding", "-",
     "CBC* POL JCP HOM SCH CCG NPS YTH", 6, 2, 2400000),
    ("cseC", "Operation Kestrel Programme Board",
     "Time-limited programme 2015-17 funded by the DfE Innovation Programme and the PCC. Co-located specialist "
     "team (social workers, police, health, youth worker) for young people being groomed; review of historic "
     "cases; awareness in schools; training for hotel, taxi and fast food staff. Board signs off spend and "
     "reports outcomes to funders.",
     "cyp;cs", "executive", "funding", "-",
     "PCC* POL CBC VIC YTH SHA CCG HOS", 6, 2, 870000),
    ("aqb", "AQMA grp",
     "nitrogen dioxide hotspots",
     "env", "operational", "statutory", "-",
     "CBC* PHE BUS MTE CCG HOS UNI", 4, 1.5, 0),
    ("vprs2", "Resettlement ops", "",
     "com", "operational", "funding", "-",
     "CBC* HOM RAS CCG JCP COL POL SCH", 12, 1, 0),
]

# ---------------------------------------------------------------------------------------------
# Truth, by key.
# ---------------------------------------------------------------------------------------------
GROUPS = [
    # group of four: CSE and missing children
    ["cseD", "cseA", "cseB", "cseC"],
    # triples
    ["hsg", "hf", "hpt"],            # homelessness prevention: statutory strategy / voluntary forum / trailblazer fund
    ["aws", "whn", "whp"],           # fuel poverty: strategy group / voluntary network / fund board
    ["sps", "sp_zero", "sh"],        # suicide prevention: PH group / voluntary network / MHPB sub-group
    # pairs
    ["bcf", "jce"],                  # fund board vs s75 joint commissioning
    ["tcp", "wvc"],                  # renamed successor, same members
    ["tf1", "tf2"],                  # renamed successor, same members
    ["ccc", "mhp"],                  # sub-groups of HWB and CSP doing the same
    ["neet", "rpa"],                 # sub-groups of ESB and CYP partnership doing the same
    ["dasp", "dvf"],                 # council-led vs voluntary forum
    ["aq", "aqb"],                   # same members, terse objective
    ["sp", "sp_fund"],               # social prescribing: mainstream vs funded programme
    ["vprs", "vprs2"],               # same members, empty objective
    ["egyv", "syv"],                 # funded programme vs CSP sub-group
    ["si", "lc"],                    # HWB task group vs voluntary coalition
    ["wrs", "wcig"],                 # reworded with other vocabulary
]

HARD_NEGATIVES = [
    ["np_n", "np_l"],       # same kind of body, different places
    ["np_s", "np_b"],       # same kind of body, different places
    ["ccac1", "ccac2"],     # same kind of body, different places
    ["np_n", "nreg"],       # same place, different work
    ["lscb", "sab"],        # children vs adults safeguarding boards
    ["prevent", "channel"], # strategy vs case panel
    ["ldpb", "tcp"],        # learning disability, different scope
    ["gd", "esif"],         # two LEP funding programmes
    ["sps", "sbs"],         # prevention strategy vs bereavement peer support
    ["sl", "prsf"],         # enforcement scheme vs landlords' forum
    ["mash", "ehp"],        # children's front door vs early help allocation
    ["yos", "rrb"],         # youth vs adult reoffending
    ["crp", "bqp"],         # rail vs bus partnerships
    ["lnp", "frmp"],        # nature vs flood risk
    ["hsg", "shap"],        # strategy vs placement panel
    ["dhr", "sar"],         # domestic homicide reviews vs safeguarding adults reviews
]

NOTE = ("Calderbridge, a made-up Midlands metropolitan borough, about 2014-2017. 16 groups "
        "(12 pairs, 3 triples, 1 of four = 27 true pairs). Any pair not inside a group is not a "
        "duplicate; hard_negatives are pairs that look alike (same theme, same big partners, shared "
        "wording, or the same kind of body for a different place) but do different work.")


def shuffled_refs(n, seed=20140401):
    """Deterministic permutation of 1..n (own LCG, so it does not depend on Python's random)."""
    state = seed
    idx = list(range(1, n + 1))
    for i in range(n - 1, 0, -1):
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        j = (state >> 33) % (i + 1)
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def main():
    org_id = {k: f"O{i:02d}" for i, (k, *_rest) in enumerate(ORGS, 1)}
    assert len(org_id) == len(ORGS)
    keys = [p[0] for p in P]
    assert len(set(keys)) == len(keys), "duplicate keys"
    nums = shuffled_refs(len(P))
    ref = {k: f"CB{n:03d}" for k, n in zip(keys, nums)}

    parts, mems = [], []
    for (k, title, obj, themes, layer, basis, legal, members, mpy, hrs, budget) in P:
        rows, lead = [], None
        for tok in members.split():
            mark = tok[-1] if tok[-1] in ROLE else ""
            ok = tok[:-1] if mark else tok
            assert ok in org_id, (k, ok)
            role = ROLE.get(mark, "member")
            if role == "chair":
                assert lead is None, k
                lead = ok
            rows.append((ref[k], org_id[ok], role))
        assert lead is not None, k
        assert 5 <= len(rows) <= 20, (k, len(rows))
        assert len({r[1] for r in rows}) == len(rows), k
        mems.extend(rows)
        parts.append({
            "ref": ref[k], "title": title, "objective": obj,
            "themes": ";".join(TH[t] for t in themes.split(";")),
            "layer": layer, "basis": basis, "legal_status": LEG[legal],
            "lead_org": org_id[lead], "meetings_per_year": mpy,
            "meeting_hours": hrs, "annual_budget_gbp": budget,
        })

    with open(os.path.join(HERE, "organisations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "sector", "type"])
        for k, name, sector, typ in ORGS:
            w.writerow([org_id[k], name, sector, typ])
    cols = ["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
            "meetings_per_year", "meeting_hours", "annual_budget_gbp"]
    with open(os.path.join(HERE, "partnerships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        w.writerows(parts)
    with open(os.path.join(HERE, "memberships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["partnership_ref", "org_id", "role"])
        w.writerows(mems)

    seen = set()
    for g in GROUPS:
        for k in g:
            assert k in ref and k not in seen, k
            seen.add(k)
    gk = {k: i for i, g in enumerate(GROUPS) for k in g}
    for a, b in HARD_NEGATIVES:
        assert a in ref and b in ref, (a, b)
        assert not (a in gk and gk.get(a) == gk.get(b)), (a, b)
    truth = {
        "groups": [sorted(ref[k] for k in g) for g in GROUPS],
        "hard_negatives": [sorted([ref[a], ref[b]]) for a, b in HARD_NEGATIVES],
        "note": NOTE,
    }
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    print(f"wrote {len(ORGS)} organisations, {len(parts)} partnerships, {len(mems)} memberships, "
          f"{len(GROUPS)} groups, {len(HARD_NEGATIVES)} hard negatives")


if __name__ == "__main__":
    main()
