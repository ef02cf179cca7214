#!/usr/bin/env python3
"""Write the Brackwater partnership-register benchmark files.

Brackwater is an invented metropolitan borough in the invented Thorncastle city region, with its
register as a policy officer might have exported it from an Access database around 2004-2010.
Every name, place, body and figure here is made up.

All the wording is hand-written data in this script. The only processing is a fixed-seed shuffle
of the row order (so that duplicates do not sit next to each other, as in a register entered over
several years) and the numbering of refs and organisation ids. Running it writes the same four
files every time:

    python3 make.py

Outputs (next to this script): organisations.csv, partnerships.csv, memberships.csv, truth.json.
Standard library only.
"""
import csv
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# Organisations: key, name, sector, type. Keys are only used inside this script; the files get
# neutral ids (BWO01, BWO02, ...) in this order.
# ---------------------------------------------------------------------------------------------
ORGS = [
    # public bodies
    ("BMBC", "Brackwater Metropolitan Borough Council", "public", "metropolitan borough council"),
    ("PCT", "Brackwater Primary Care Trust", "public", "primary care trust"),
    ("POL", "Thornvale Police - Brackwater Division", "public", "police force"),
    ("FIRE", "Thornvale Fire and Rescue Service", "public", "fire and rescue service"),
    ("CVS", "Brackwater Council for Voluntary Service", "voluntary", "council for voluntary service"),
    ("HOSP", "Brackwater and Ollerby Hospitals NHS Trust", "public", "NHS trust (acute)"),
    ("MHT", "Thornvale Mental Health NHS Foundation Trust", "public", "NHS foundation trust (mental health)"),
    ("AMB", "Thornvale Ambulance Service NHS Trust", "public", "NHS trust (ambulance)"),
    ("PROB", "Thornvale Probation Area", "public", "probation board"),
    ("JCP", "Jobcentre Plus - Brackwater and Ollerby District", "public", "government agency"),
    ("LSC", "Learning and Skills Council - Thornvale", "public", "non-departmental public body"),
    ("CNX", "Connexions Thornvale", "public", "Connexions partnership"),
    ("COLL", "Brackwater College", "public", "further education college"),
    ("HEADS", "Brackwater Headteachers' Association", "public", "schools association"),
    ("PTE", "Thornvale Passenger Transport Executive", "public", "passenger transport executive"),
    ("RDA", "Pennine Forward", "public", "regional development agency"),
    ("GO", "Government Office for the North Pennines", "public", "government office"),
    ("YOT", "Brackwater Youth Offending Service", "public", "youth offending team"),
    ("DAAT", "Brackwater Drug and Alcohol Action Team", "public", "multi-agency partnership team"),
    ("ALMO", "Brackwater Homes Ltd", "public", "arms-length management organisation"),
    ("WDA", "Thornvale Waste Disposal Authority", "public", "joint waste disposal authority"),
    ("UNI", "University of Thorncastle", "public", "university"),
    ("ASBU", "Brackwater Anti-Social Behaviour Unit", "public", "joint council/police team"),
    ("NMT", "Tanyard and Millrace Neighbourhood Management Team", "public", "neighbourhood management team"),
    ("TPT", "Brackwater Teenage Pregnancy and Young People's Sexual Health Team", "public", "PCT specialist team"),
    ("FALLS", "Brackwater Community Falls Service", "public", "PCT specialist team"),
    ("HSCH", "Brackwater Healthy Schools Team", "public", "council specialist team"),
    ("CC1", "Tanyard and Millrace Sure Start Children's Centre", "public", "children's centre"),
    ("CC2", "Gorsey Bank Children's Centre", "public", "children's centre"),
    ("IMLT", "North Pennines Illegal Money Lending Team", "public", "trading standards enforcement team"),
    ("LMC", "Brackwater Local Medical Committee", "public", "GP representative committee"),
    ("EA", "Environment Agency - Thornvale Area", "public", "government agency"),
    # voluntary and community
    ("ADV", "Brackwater Advice Centre", "voluntary", "advice charity"),
    ("CU", "Millrace and District Credit Union", "community", "credit union"),
    ("WAID", "Brackwater Women's Refuge Project", "voluntary", "domestic abuse charity"),
    ("OWC", "Ollerby Women's Centre", "community", "women's centre"),
    ("CARERS", "Brackwater Carers Centre", "voluntary", "carers charity"),
    ("YCP", "Brackwater Young Carers Project", "voluntary", "young carers charity"),
    ("ELDER", "Elder Voice Brackwater", "voluntary", "older people's charity"),
    ("OPF", "Brackwater Older People's Forum", "community", "older people's forum"),
    ("HARB", "Harbour Drug and Alcohol Service", "voluntary", "substance misuse charity"),
    ("OPEN", "Open Minds Brackwater", "voluntary", "mental health charity"),
    ("DIS", "Brackwater Disability Alliance", "voluntary", "disabled people's organisation"),
    ("BME", "Brackwater BME Communities Network", "voluntary", "umbrella network"),
    ("FAITH", "Brackwater Council of Faiths", "community", "interfaith forum"),
    ("MOSQ", "Cinderhill Mosques Liaison Committee", "community", "faith group"),
    ("ASIANW", "Cinderhill Asian Women's Association", "community", "women's group"),
    ("GREEN", "Greenways Brackwater", "voluntary", "environmental charity"),
    ("ENERGY", "Thornvale Energy Advice Centre", "voluntary", "energy advice charity"),
    ("ODT", "Ollerby Development Trust", "community", "development trust"),
    ("TCF", "Tanyard Community Forum", "community", "community forum"),
    ("GBRA", "Gorsey Bank Residents Association", "community", "residents association"),
    ("CTRA", "Cinderhill Tenants and Residents Association", "community", "tenants and residents association"),
    ("HLRA", "Hobcroft and Lowfold Residents' Association", "community", "residents association"),
    ("YOUTHP", "Ollerby Youth Project", "voluntary", "youth charity"),
    ("FAML", "Family Link Brackwater", "voluntary", "family support charity"),
    ("VICT", "Brackwater Victim and Witness Service", "voluntary", "victim support charity"),
    ("SPORTS", "Brackwater Sports Council", "voluntary", "sports council"),
    ("ARTS", "Mill Street Arts Centre", "voluntary", "arts centre"),
    ("LINK", "Brackwater LINk", "community", "local involvement network"),
    ("HIA", "Staying Put Brackwater", "voluntary", "home improvement agency"),
    ("HA1", "Hearthstone Housing Group", "voluntary", "housing association"),
    ("HA2", "Tanyard Community Housing Association", "voluntary", "community-based housing association"),
    ("HOMELESS", "Brackwater Nightshelter Trust", "voluntary", "homelessness charity"),
    ("STREETP", "Brackwater Street Angels", "community", "faith volunteer group"),
    ("LEIS", "Brackwater Leisure Trust", "voluntary", "leisure trust"),
    # private
    ("CHAMB", "Brackwater Chamber of Commerce and Industry", "private", "chamber of commerce"),
    ("BID", "Brackwater Town Centre BID Company Ltd", "private", "business improvement district company"),
    ("BUS", "Thornvale Buses Ltd", "private", "bus operator"),
    ("MOOR", "Moorside Training Ltd", "private", "training provider"),
    ("HARLAN", "Harlan Precision Engineering Ltd", "private", "manufacturer"),
    ("NSTAR", "Northstar Recycling Ltd", "private", "waste contractor"),
    ("LEP", "Brackwater Schools Partnership Ltd", "private", "local education partnership company"),
    ("PUBS", "Brackwater Licensees' Association", "private", "trade association"),
    ("TAXI", "Brackwater Hackney and Private Hire Association", "private", "trade association"),
]

# ---------------------------------------------------------------------------------------------
# Partnerships: key, title, objective, themes, layer, basis, legal_status, members,
#               meetings_per_year, meeting_hours, annual_budget_gbp
# members: space-separated org keys; the first is the chair and lead organisation;
#          prefixes v: vice-chair, a: accountable body, o: observer; otherwise member.
# ---------------------------------------------------------------------------------------------
P = []


def p(key, title, objective, themes, layer, basis, legal, members, mpy, hours, budget):
    P.append(dict(key=key, title=title, objective=objective, themes=themes, layer=layer,
                  basis=basis, legal=legal, members=members, mpy=mpy, hours=hours, budget=budget))


# ---- the LSP and cross-cutting ---------------------------------------------------------------
p("lsp", "Brackwater Partnership (LSP Board)",
  "The Brackwater Partnership is the Local Strategic Partnership for the borough. Its purpose is to "
  "provide strategic leadership across the public, private, voluntary and community sectors; to agree "
  "and keep under review the Sustainable Community Strategy 'Brackwater 2021: One Borough, Many "
  "Communities'; to negotiate and sign off the Local Area Agreement with Government Office; to hold "
  "the thematic partnerships to account for delivery of LAA targets; and to ensure that the "
  "Neighbourhood Renewal Strategy narrows the gap between the most deprived neighbourhoods and the rest "
  "of the borough. Partner organizations commit to align their own plans with the SCS.",
  "community;economy and regeneration;health;community safety;children and young people",
  "strategic", "plan", "none",
  "BMBC v:CHAMB PCT POL FIRE CVS HOSP JCP LSC COLL ALMO FAITH BME RDA MHT o:GO", 4, 2.5, 45000)

p("pubsb", "Public Service Board",
  "LSP Exec. Chief officers. Performance mgmt of LAA - qtrly exception reports on red/amber NIs, agree "
  "remedial action, allocation of Performance Reward Grant. Refers issues up to LSP Board.",
  "community;economy and regeneration", "executive", "plan", "none",
  "BMBC v:PCT POL FIRE CVS JCP PROB LSC", 10, 2.0, 0)

p("cen", "Community Empowerment Network",
  "Network of voluntary & community groups - elects the 6 VCS places on the LSP and thematic "
  "partnerships, briefs and supports reps, capacity building for small groups. Funded from Community "
  "Empowerment Fund until 2006 (now mainstreamed in SSCF).",
  "community", "executive", "voluntary", "unincorporated association",
  "CVS TCF GBRA CTRA BME DIS ODT FAITH ELDER HLRA o:BMBC", 6, 2.0, 18000)

p("compact", "BRACKWATER COMPACT WORKING GROUP",
  "Compact refresh 2008. Codes: funding & procurement (3 yr funding, full cost recovery), consultation "
  "(12 wks), volunteering, BME. Handles Compact complaints.",
  "community", "operational", "voluntary", "none",
  "CVS BMBC PCT POL FIRE BME", 4, 1.5, 0)

p("totalplace", "Total Place Pilot Steering Group",
  "Total Place pilot 2009-10 (Brackwater is part of the Thorncastle city region pilot). 'Counting' "
  "exercise maps all public spending in the borough (approx £1.8bn); deep dives on early years and "
  "offender management; find duplication and efficiency savings; report to HM Treasury Mar 2010.",
  "community;economy and regeneration", "executive", "plan", "none",
  "BMBC PCT POL FIRE JCP CVS HOSP o:GO", 8, 3.0, 150000)

p("volunteering", "Volunteering Brackwater Steering Group",
  "Development of the Volunteer Centre. v-involved (youth volunteering), employer supported "
  "volunteering, annual volunteer recognition awards, brokerage of volunteers to groups. NI 6 "
  "participation in regular volunteering.",
  "community", "operational", "voluntary", "none",
  "CVS BMBC LEIS PCT HOSP COLL FAITH", 4, 1.5, 22000)

# ---- community safety ------------------------------------------------------------------------
p("cdrp", "SAFER BRACKWATER PARTNERSHIP",
  "Statutory Crime and Disorder Reduction Partnership under s.5-6 Crime and Disorder Act 1998 (as "
  "amended by Police Reform Act 2002 and Police and Justice Act 2006). Annual strategic assessment, "
  "3-yr Partnership Plan, reducing crime, ASB and substance misuse, reducing re-offending, fear of "
  "crime. Key outcomes: NI 15 serious violent crime; NI 16 serious acquisitive crime; NI 21 dealing "
  "with local concerns about ASB and crime (LAA stretch target 2); NI 30 re-offending rate of prolific "
  "and priority offenders.",
  "community safety;drugs and alcohol", "strategic", "statutory", "none",
  "BMBC v:POL FIRE PCT PROB CVS YOT DAAT ALMO VICT ASBU o:GO", 6, 2.0, 310000)

p("jtcg", "Joint Tasking and Co-ordinating Group (JTCG)",
  "Fortnightly operational tasking of partnership resources against hotspots identified by the "
  "analyst - burglary dwelling, vehicle crime, deliberate fires, youth nuisance. Allocates PCSOs, "
  "wardens, CCTV and environmental response to problem locations. Sub group of SBP.",
  "community safety", "operational", "statutory", "none",
  "POL BMBC FIRE ASBU ALMO YOT NMT HA1", 26, 1.5, 0)

p("dvforum", "Brackwater Domestic Violence Forum",
  "To co-ordinate the multi-agency response to domestic violence in the borough. To develop and "
  "monitor the Domestic Violence Strategy 2006-09 and its action plan. To promote awareness of "
  "domestic violence among professionals and the public, including the annual White Ribbon campaign. "
  "To improve access to refuge and outreach services and the sanctuary scheme. To deliver multi-agency "
  "training for frontline practitioners. To monitor NI 32 (repeat incidents of domestic violence) and "
  "BVPI 225.",
  "community safety;community", "executive", "plan", "none",
  "BMBC POL PCT CVS WAID VICT ALMO PROB HA1 FAML CC1", 6, 2.0, 12000)

p("odan", "Ollerby Domestic Abuse Network (ODAN)",
  "Info-sharing and joint working between agencies who support people living with abuse from a "
  "partner or family member. Started in Ollerby in 2003; covers the whole borough since 2006 (name "
  "kept). Work: refuge and outreach referral pathways, making victims' homes secure so they can stay "
  "put, IDVA court support, awareness campaigns each November, skills courses for staff who may be "
  "the first to see victims (GPs, housing officers, teachers). Keeps an eye on repeat victimisation.",
  "community safety;community", "executive", "voluntary", "unincorporated association",
  "OWC v:WAID VICT FAML POL BMBC HA2 CVS PCT YOUTHP", 10, 2.0, 3500)

p("marac", "MARAC",
  "Monthly case conference on high-risk domestic abuse victims (DASH score 14+ or professional "
  "judgement). Info sharing, agree a safety plan for each case, IDVA allocation, flag on police and "
  "housing systems. Operational only - does not set DV strategy or run awareness work.",
  "community safety", "operational", "plan", "none",
  "POL WAID BMBC PCT PROB ALMO MHT VICT HOSP", 12, 3.0, 0)

p("asbpanel", "ASB Case Panel",
  "Monthly case panel, named individuals. Escalation: warning letters > Acceptable Behaviour Contracts "
  "> ASBO / CRASBO applications, injunctions & tenancy action. Links to FIP for families. Respect "
  "Action Area 2006.",
  "community safety", "operational", "plan", "none",
  "ASBU POL ALMO YOT BMBC HA1 HA2 FIRE", 12, 2.0, 0)

p("ppo", "PPO Scheme Steering Grp",
  "Prolific and other Priority Offenders. 3 strands - Prevent & Deter, Catch & Convict, Rehabilitate "
  "& Resettle. Case selection (approx 40 PPOs), drug testing on arrest, housing, ETE. Deliver NI 30.",
  "community safety;drugs and alcohol", "operational", "plan", "none",
  "POL PROB YOT DAAT BMBC HARB JCP HA1 PCT", 6, 1.5, 0)

p("yotmb", "Youth Offending Service Management Board",
  "Statutory board (s.39 Crime and Disorder Act 1998) overseeing the YOS. Annual youth justice plan "
  "for the YJB. First time entrants (NI 111), young people's re-offending (NI 19), use of custody "
  "(NI 43), ETE for young offenders (NI 45), accommodation (NI 46).",
  "community safety;children and young people", "executive", "statutory", "none",
  "BMBC POL PROB PCT CNX YOT HEADS MHT FIRE", 4, 2.0, 1400000)

p("nte", "Evening and Night-Time Economy Forum",
  "To manage the town centre evening and night-time economy so that it is safe, vibrant and "
  "welcoming for all. The Forum provides liaison between licensed premises, Thornvale Police, the "
  "Council's licensing service and transport operators. Current programme: taxi marshalling at the "
  "Corn Exchange rank, Street Angels, Best Bar None accreditation, test purchasing operations, late "
  "night bus service. Key outcomes: reduce alcohol-related violent crime in the town centre (NI 20 "
  "assault with injury); improve perceptions of drunk or rowdy behaviour as a problem (NI 41).",
  "community safety;drugs and alcohol;economy and regeneration", "executive", "plan", "none",
  "BMBC POL PUBS TAXI STREETP BID BUS FIRE AMB", 6, 2.0, 35000)

p("nightsafe", "NIGHTSAFE BRACKWATER",
  "Late night - keep people safe out on the town Fri/Sat 10pm-4am. Door staff radio link (Pubwatch), "
  "banning letters for troublemakers, no cheap drinks promos, safe ride home, first aid point at "
  "St Cuthbert's church hall, glass & bottle collection. Cut fights and drunken disorder after dark.",
  "community safety", "operational", "voluntary", "unincorporated association",
  "POL PUBS STREETP TAXI AMB BMBC HOSP", 12, 1.0, 8000)

p("alcohol", "Alcohol Harm Reduction Strategy Group",
  "Delivering the borough Alcohol Harm Reduction Strategy (2007). Identification and Brief Advice "
  "(IBA) in GP practices and A&E, alcohol liaison nurse at Brackwater General, tier 2/3 alcohol "
  "treatment, underage drinking & proxy sales, reducing alcohol-related hospital admissions (NI 39, "
  "LAA stretch target 5).",
  "health;drugs and alcohol", "executive", "plan", "none",
  "PCT BMBC HOSP HARB DAAT POL MHT PUBS CVS", 6, 2.0, 240000)

p("dat", "Brackwater DAT Board",
  "DAT board. National Drug Strategy 'Tackling Drugs, Changing Lives' - 4 strands (YP, communities, "
  "tx, availability). Agrees annual adult tx plan w/ NTA, manages PTB, DIP. NDTMS returns qtrly.",
  "drugs and alcohol", "strategic", "funding", "none",
  "BMBC DAAT PCT POL PROB HARB MHT YOT", 6, 2.0, 2100000)

p("daatjcg", "Joint Commissioning Group - Adult Substance Misuse",
  "Buys community-based services for adults dependent on heroin, crack cocaine and other illegal "
  "substances: prescribing, psychosocial interventions, needle exchange, residential rehab and "
  "aftercare. Holds the Home Office / Department of Health joint budget. Tracks the number of problem "
  "users retained in structured help for 12 weeks or more (NI 40). Alcohol services are commissioned "
  "seperately by the PCT.",
  "drugs and alcohol;health", "executive", "funding", "none",
  "PCT DAAT BMBC POL PROB HARB MHT YOT", 10, 2.5, 2300000)

p("hate", "Hate Crime Reporting Partnership",
  "18 third party reporting centres across the borough (libraries, mosques, advice centres). Monthly "
  "monitoring of racist, homophobic, disability and faith hate incidents, case review of repeat "
  "victims, publicity. Increase reporting.",
  "community safety;community", "operational", "voluntary", "none",
  "POL BMBC BME FAITH DIS VICT CVS ASIANW", 6, 1.5, 6000)

p("prevent_a", "PREVENT STEERING GROUP",
  "Delivery of the Prevent strand of CONTEST in Brackwater (PVE Pathfinder Fund 2007/08, then Area "
  "Based Grant). Action plan against the five Prevent objectives; project funding; Channel referrals; "
  "WRAP training for frontline staff. NI 35 building resilience to violent extremism - level 3 by "
  "March 2010.",
  "community safety;community", "executive", "funding", "none",
  "BMBC POL CVS FAITH MOSQ PROB COLL YOT", 6, 2.0, 260000)

p("prevent_b", "Building Resilient Communities Board",
  "Working with Muslim community leaders, imams, women's groups and young people to strengthen the "
  "ability of communities to reject and resist those who promote terrorism and hatred. Supports "
  "mentoring for vulnerable young men, citizenship in supplementary schools (madrassahs), and safe "
  "spaces for debate. Reports to Home Office and CLG via GONP.",
  "community;community safety", "executive", "funding", "none",
  "MOSQ ASIANW FAITH a:BMBC POL YOUTHP BME", 6, 2.0, 90000)

p("cohesion", "Community Cohesion Forum",
  "Bringing people from different backgrounds together. Monitors community tensions, runs "
  "twinning between schools and inter-faith events, welcome pack for new arrivals (A8 migrants), "
  "myth-busting. NI 1 % of people who believe people from different backgrounds get on well together; "
  "NI 4 % who feel they can influence decisions in their locality.",
  "community", "executive", "plan", "none",
  "BMBC CVS FAITH BME POL ODT TCF ASIANW PCT FIRE", 4, 2.0, 40000)

p("roadsafety", "Road Safety Partnership (Brackwater Area Group)",
  "Reduce people killed or seriously injured in road traffic collisions (NI 47) and children KSI "
  "(NI 48). Safety cameras, 20 mph zones near schools, child pedestrian training, young driver "
  "education (Pass Plus), motorcycle safety.",
  "transport;community safety", "executive", "plan", "none",
  "BMBC POL FIRE PCT PTE AMB HEADS", 4, 2.0, 110000)

p("saferschools", "Safer Schools Partnership",
  "Police officers based in 4 high schools (Ollerby High, St Aidan's RC, Gorsey Bank, Brackwater "
  "Academy from 2009). Reduce victimisation of pupils, truancy sweeps, restorative approaches, safe "
  "journeys to and from school.",
  "community safety;children and young people", "operational", "plan", "none",
  "POL HEADS BMBC YOT CNX HSCH FIRE", 3, 1.5, 65000)

# ---- neighbourhoods and the deprived areas ----------------------------------------------------
p("nrf", "Neighbourhood Renewal Fund Programme Board",
  "Manages the borough's NRF allocation 2006-08 (£3.2m) on behalf of the LSP. Appraises and approves "
  "project bids against the Neighbourhood Renewal Strategy, monitors spend and outputs quarterly, and "
  "targets the 10 super output areas in the worst 5% nationally (Tanyard, Millrace, Gorsey Bank, "
  "Cinderhill). Aim - to narrow the gap on floor targets for crime, health, education, worklessness "
  "and liveability.",
  "economy and regeneration;community", "executive", "funding", "none",
  "BMBC PCT POL CVS JCP TCF GBRA CTRA ALMO FIRE o:GO", 8, 2.0, 1600000)

p("wnf", "WNF Steering Group",
  "working neighbourhoods fund - allocates WNF (replaced NRF from April 08) to commissioned projects. "
  "priorities worklessness, skills, enterprise in deprived wards + liveability. Reports to LSP Exec. "
  "NI 153 stretch.",
  "economy and regeneration;employment", "executive", "funding", "none",
  "JCP a:BMBC CVS PCT POL LSC CHAMB TCF ALMO FIRE", 8, 2.0, 4100000)

p("ctg", "Closing the Gap Commissioning Panel",
  "Panel of LSP partners which decides how area-based grant for the poorest estates is spent. "
  "Commissions and performance-manages schemes, decommissions those not delivering, and tracks the "
  "distance between the priority neighbourhoods and the borough average on jobs, crime, health and "
  "schools.",
  "economy and regeneration;community", "executive", "funding", "none",
  "CVS a:BMBC PCT JCP POL CTRA GBRA HLRA", 6, 2.5, 0)

p("legi", "Enterprising Brackwater (LEGI) Board",
  "Local Enterprise Growth Initiative round 2 (2007-2011, £11.6m). Aim: more enterprise in the most "
  "deprived areas - business start-up support, enterprise coaches, managed workspace at Tanyard Works, "
  "enterprise in schools program, access to finance. NI 171 new business registration rate.",
  "economy and regeneration;employment", "executive", "funding", "none",
  "CHAMB a:BMBC RDA JCP CVS COLL HARLAN ODT o:GO", 6, 2.0, 2900000)

p("nm_hob", "Hobcroft and Lowfold Neighbourhood Management Board",
  "Resident-led board for the Hobcroft & Lowfold neighbourhood management pilot. Employs the "
  "neighbourhood manager, negotiates a neighbourhood agreement with service providers (street "
  "cleansing, policing, housing repairs, youth provision), small grants community chest, quarterly "
  "'Your Say' events. Satisfaction with the area as a place to live.",
  "community;economy and regeneration", "operational", "funding", "none",
  "HLRA BMBC POL HA1 PCT CVS FIRE", 6, 2.0, 85000)

p("nm_cin", "Cinderhill Neighbourhood Management Board",
  "Cinderhill estate neighborhood management. Resident board plus service providers. Neighbourhood "
  "agreement (cleansing, Safer Neighbourhood Team, ALMO repairs), community chest, estate "
  "walkabouts, newsletter. Residents' satisfaction with the neighbourhood.",
  "community;economy and regeneration", "operational", "funding", "none",
  "CTRA BMBC POL ALMO PCT CVS FIRE MOSQ", 6, 2.0, 92000)

p("pact_tan", "Tanyard & Millrace Neighbourhood Policing Panel",
  "PACT - residents vote on 3 local priorities each quarter for the Safer Neighbourhood Team to tackle "
  "(e.g. speeding on Mill Lane, youths at Tanyard shops, drug dealing). Feedback at next meeting.",
  "community safety;community", "operational", "voluntary", "none",
  "POL TCF NMT BMBC ALMO HA2 FIRE", 4, 1.5, 0)

p("ssc_a", "SSCF Cleaner Safer Greener Programme Board",
  "Oversees the Cleaner, Safer, Greener element of the Safer and Stronger Communities Fund (SSCF, "
  "2005-08). Projects include rapid graffiti removal, fly-tipping enforcement, alley-gating, "
  "environmental wardens and community clean-up days in the NRF areas. Performance measures: BV199a-d "
  "local street and environmental cleanliness (litter, detritus, graffiti, fly-posting); fly-tipping "
  "incidents and enforcement actions.",
  "environment;community safety", "executive", "funding", "none",
  "POL a:BMBC ALMO CVS GREEN TCF FIRE o:GO", 6, 2.0, 720000)

p("grot_b", "Environmental Crime & Grot Spots Action Group",
  "Env. crime. Dumped rubbish, dog fouling, tags, abandoned cars & neglected land ('grot spots'). "
  "FPNs, prosecutions, joint ops w/ housing & police. NI 195/196.",
  "environment;community safety", "operational", "plan", "none",
  "BMBC ALMO POL FIRE HA1 NSTAR ASBU", 12, 1.5, 0)

p("street_c", "Streetscene Improvement Forum",
  "Makes the public realm tidier: joint action by council cleansing crews, housing providers and "
  "residents to sort out littered back lanes, spray-painting on walls, unlawful waste dumping and "
  "untidy plots. Community skip days, Big Tidy Up weeks.",
  "environment;community", "operational", "voluntary", "none",
  "GREEN BMBC NSTAR ALMO HA2 GBRA CTRA TCF POL FIRE", 6, 1.5, 15000)

p("parks", "Parks & Green Spaces Forum",
  "Friends of Parks groups network. Green Flag bids (Ollerby Park, Memorial Gardens), parks & open "
  "spaces strategy, play area investment (Playbuilder 2008-10), Brackwater Country Park ranger "
  "service, volunteering days.",
  "environment;culture and leisure", "operational", "voluntary", "none",
  "BMBC GREEN SPORTS LEIS GBRA ODT PCT CVS", 4, 2.0, 5000)

# ---- children and young people ---------------------------------------------------------------
p("cypsp", "Children and Young People's Strategic Partnership",
  "To lead the development and delivery of the Children and Young People's Plan 2006-09. To secure "
  "improved outcomes for all children and young people in Brackwater against the five Every Child "
  "Matters outcomes: be healthy, stay safe, enjoy and achieve, make a positive contribution, achieve "
  "economic well-being. To promote integrated working including the Common Assessment Framework and "
  "the lead professional role. To oversee the Change for Children programme.",
  "children and young people", "strategic", "plan", "none",
  "BMBC v:PCT POL CNX CVS HEADS YOT COLL HOSP LSC PROB FIRE", 6, 2.5, 0)

p("ctb", "Brackwater Children's Trust Board",
  "Statutory co-operation arrangements (s.10 Children Act 2004, strengthened by the Apprenticeships, "
  "Skills, Children and Learning Act 2009). The Board sets the joint vision for services to 0-19s, "
  "owns the CYPP, pools and aligns budgets, and holds commissioners to account for better results "
  "for kids and families. From April 2008.",
  "children and young people", "strategic", "statutory", "none",
  "BMBC v:PCT POL CNX CVS HEADS YOT COLL HOSP LSC PROB MHT FIRE", 6, 2.5, 0)

p("lscb", "Brackwater Safeguarding Children Board (LSCB)",
  "Statutory under s.13 Children Act 2004 (replaced the ACPC in 2006). Co-ordinates, and ensures the "
  "effectiveness of, what each agency does to safeguard and promote the welfare of children. Serious "
  "case reviews, child death overview panel, multi-agency child protection procedures and training.",
  "children and young people", "strategic", "statutory", "none",
  "BMBC PCT POL HOSP PROB CNX YOT MHT HEADS CVS AMB FAML", 6, 3.0, 95000)

p("cc1", "Tanyard & Millrace Children's Centre Advisory Board",
  "Advisory board of Tanyard & Millrace Children's Centre (Phase 1, was a Sure Start Local Programme "
  "until 2006). Parents, health visitors, midwives, Jobcentre Plus, childminders. Monitors reach to "
  "families with under 5s, breastfeeding, childcare places, stay & play, Dads' Club, parents' forum.",
  "children and young people", "operational", "funding", "none",
  "CC1 BMBC PCT JCP TCF FAML CVS", 6, 2.0, 0)

p("cc2", "Gorsey Bank Children's Centre Advisory Board",
  "Advisory group for Gorsey Bank Children's Centre (Phase 2, opened Sept 2007). Reach figures for "
  "under-fives families, parental involvement, health visiting clinics, childcare, Jobcentre Plus "
  "outreach, Bookstart. Parent reps on the group.",
  "children and young people", "operational", "funding", "none",
  "CC2 BMBC PCT JCP GBRA FAML HA2", 6, 2.0, 0)

p("tp_a", "Teenage Pregnancy Partnership Board",
  "To implement the local Teenage Pregnancy Strategy and reduce the under 18 conception rate by 50% "
  "by 2010 against the 1998 baseline (NI 112, LAA stretch target 6). To improve access to "
  "contraception and sexual health advice for young people, deliver SRE in schools and support "
  "teenage parents into education, training and employment.",
  "children and young people;health", "executive", "plan", "none",
  "BMBC TPT PCT CNX HEADS HSCH YOUTHP CC1 FAML COLL CVS", 4, 2.0, 180000)

p("tp_b", "Young People's Sexual Health & Young Parents Steering Group",
  "Choose Health funded. C-Card condom scheme, 'You're Welcome' clinics in youth venues, sex & "
  "relationships lessons with Healthy Schools, getting young mums and dads back to learning. Target "
  "is fewer girls under 18 getting pregnant.",
  "health;children and young people", "operational", "funding", "none",
  "TPT PCT HSCH CNX YOUTHP HOSP BMBC", 6, 1.5, 95000)

p("chlamydia", "Sexual Health Network",
  "National Chlamydia Screening Programme for 15-24 yr olds (17% coverage 08/09, NI 113), 48 hr "
  "access to GUM clinic, HIV testing and late diagnosis, contraception in primary care & pharmacies.",
  "health", "executive", "plan", "none",
  "PCT HOSP TPT LMC COLL BMBC YOUTHP", 4, 2.0, 310000)

p("neet_a", "NEET Reduction Group",
  "Reduce 16-18 NEET (NI 117, LAA) & 'not knowns'. Sept Guarantee, E2E places, care leavers & "
  "teenage mums, YOT clients. Sub-grp of CYPSP.",
  "children and young people;education and skills", "operational", "plan", "none",
  "CNX BMBC COLL MOOR YOT LSC JCP YOUTHP CVS", 6, 1.5, 0)

p("neet_b", "Youth Progression Group (ESB)",
  "Sub-group of the Employment and Skills Board. Makes sure every sixteen and seventeen year old gets "
  "an offer of a suitable place in learning, and works to cut the number of school leavers who drift "
  "out of college, jobs and training altogether. Uses Connexions CCIS destination data; targets "
  "Gorsey Bank & Tanyard wards.",
  "education and skills;employment", "operational", "plan", "none",
  "LSC CNX COLL MOOR JCP CHAMB BMBC HEADS", 6, 2.0, 0)

p("aimhigher", "Aimhigher Brackwater Steering Group",
  "Aimhigher - widening participation in higher education for young people from under-represented "
  "groups (first generation to university). Year 9-13 tracked cohort, campus visits, summer schools, "
  "student ambassadors. Comittee reports to the regional Aimhigher partnership.",
  "education and skills;children and young people", "operational", "funding", "none",
  "UNI COLL HEADS CNX LSC BMBC", 3, 2.0, 140000)

p("p1419", "14-19 Partnership",
  "14-19 reform: Diploma lines (5 from Sept 2009), collaborative timetable & transport between "
  "schools and college, Young Apprenticeships, Foundation Learning Tier, 14-19 Progression "
  "Framework, area prospectus & common application process.",
  "education and skills;children and young people", "executive", "plan", "none",
  "BMBC LSC COLL HEADS CNX MOOR UNI CHAMB", 6, 2.0, 210000)

p("bsf", "Building Schools for the Future (BSF) Programme Board",
  "Wave 4 BSF programme: rebuild or remodel all 11 secondary schools + 2 special schools (approx "
  "£180m). Procurement of the Local Education Partnership (LEP), ICT managed service, co-location of "
  "extended services, community use of sports facilities. Programme board reports to Cabinet & PfS.",
  "education and skills;children and young people", "strategic", "funding", "none",
  "BMBC LEP HEADS LSC PCT CVS POL", 12, 2.5, 950000)

p("pcp", "Primary Capital Programme Board",
  "To oversee the Primary Strategy for Change and the Primary Capital Programme (from 2008-09): "
  "rebuilding or refurbishing at least half of primary school buildings, removing surplus places, and "
  "co-locating children's centres and extended services on primary sites.",
  "education and skills;children and young people", "executive", "funding", "none",
  "BMBC HEADS PCT CC1 CC2 LEP", 6, 2.0, 160000)

p("fip", "Family Intervention Project Steering Group",
  "Respect FIP (2007). Intensive key-worker support for approx 30 families whose behavior causes "
  "serious ASB or puts their tenancy at risk - 'twin-track' support plus sanctions. Outcomes: fewer "
  "ASB complaints, school attendance, tenancy sustained.",
  "community safety;children and young people;housing", "operational", "funding", "none",
  "BMBC ASBU ALMO POL YOT FAML HA1 PCT FIRE", 4, 2.0, 260000)

p("yof", "Youth Opportunity Fund Panel",
  "Young people decide! Panel of 13-19 yr olds from the youth council with adult advisers. "
  "Distributes YOF & YCF grants to youth-led projects for things to do and places to go.",
  "children and young people;culture and leisure", "operational", "funding", "none",
  "YOUTHP a:BMBC CNX CVS POL TCF FIRE", 6, 2.0, 175000)

p("extended", "Extended Services Steering Group",
  "Full core offer of extended services through schools by 2010: 8-6 childcare (primary), varied "
  "menu of activities, parenting support, swift & easy access to specialist services, community use "
  "of facilities. Cluster co-ordinators in 6 clusters.",
  "children and young people;education and skills", "executive", "funding", "none",
  "BMBC HEADS CC1 CC2 LEIS FAML PCT CVS", 4, 2.0, 420000)

p("healthyschools", "Healthy Schools Programme Steering Group",
  "National Healthy Schools Programme. Support schools to achieve and keep Healthy Schools Status "
  "across the 4 themes (PSHE, healthy eating, physical activity, emotional health and wellbeing). "
  "Target 100% participating, 75% achieving status by Dec 2009; enhancement model from 2009.",
  "health;children and young people;education and skills", "operational", "plan", "none",
  "HSCH PCT BMBC HEADS LEIS", 3, 2.0, 60000)

p("obesity_a", "Childhood Obesity Task Group",
  "Reduce obesity among primary school age children (NI 56 Yr 6, LAA). NCMP weighing and measuring, "
  "MEND programme, school meals & tuck shops, active travel to school.",
  "health;children and young people", "operational", "plan", "none",
  "PCT HSCH BMBC LEIS HEADS SPORTS", 6, 1.5, 0)

p("obesity_b", "Healthy Weight, Healthy Lives Steering Group",
  "To implement the cross-government strategy Healthy Weight, Healthy Lives (January 2008) locally, "
  "with the focus on children and families. To increase the proportion of children who are a healthy "
  "weight at Reception and Year 6; to promote breastfeeding and healthy weaning; to encourage at "
  "least an hour of exercise a day; and to commission family weight management services.",
  "health;children and young people", "executive", "plan", "none",
  "PCT BMBC HSCH LEIS CC1 CC2 HOSP FAML", 4, 2.0, 230000)

p("obesity_c", "Fit Futures Board",
  "Choose Health money for kids food & fitness. Cook & eat clubs, after-school sport and dance, "
  "'Fit Families' 10-week course for overweight youngsters & their parents. Halt year-on-year rise "
  "in overweight under-11s by 2010 (PSA).",
  "health;children and young people;culture and leisure", "operational", "funding", "none",
  "LEIS a:PCT SPORTS HSCH YOUTHP BMBC", 6, 1.5, 120000)

p("young_carers", "Young Carers Project Steering Group",
  "Identify and support children and young people under 18 who care for a family member - school "
  "awareness sessions, young carers ID card, respite trips and clubs, whole family assessment with "
  "adult social care.",
  "children and young people", "operational", "voluntary", "none",
  "YCP BMBC HEADS CNX FAML CARERS PCT", 4, 1.5, 48000)

# ---- health and social care --------------------------------------------------------------------
p("health_p", "HEALTHIER BRACKWATER PARTNERSHIP",
  "The Healthier Brackwater Partnership is the health and wellbeing thematic partnership of the LSP. "
  "It will (a) lead the strategy to improve health and reduce health inequalities, closing the life "
  "expectancy gap between the most and least deprived wards (NI 120 all-age all-cause mortality); "
  "(b) oversee the Choose Health delivery plan and the healthier communities block of the LAA; "
  "(c) agree joint priorities from the Joint Strategic Needs Assessment (from 2008); (d) promote "
  "health in all the policies of partner organisations. Brackwater is a Spearhead area.",
  "health", "strategic", "plan", "none",
  "PCT v:BMBC HOSP MHT CVS LINK LEIS FIRE POL LMC", 4, 2.5, 0)

p("tobacco", "Tobacco Control Alliance",
  "Smokefree Brackwater. Stop smoking services - 4 week quitters NI 123; smoking in pregnancy; "
  "enforcement of smokefree law (July 07) & underage sales; illicit / cheap tobacco; smoking-related "
  "house fires.",
  "health", "operational", "plan", "none",
  "PCT BMBC HOSP POL FIRE LEIS CVS", 4, 1.5, 380000)

p("pbc", "Practice Based Commissioning Executive",
  "GP consortium for practice-based commissioning (34 practices). Pathway redesign (dermatology, MSK, "
  "ophthalmology), indicative budgets, freed-up resources re-invested. Reports to PCT PEC.",
  "health", "executive", "statutory", "none",
  "LMC PCT HOSP MHT BMBC", 12, 2.0, 0)

p("mh_lit", "Mental Health LIT",
  "Local Implementation Team for the NSF for Mental Health (1999) - working age adults. Crisis "
  "resolution, assertive outreach, early intervention in psychosis, IPS employment support, dual "
  "diagnosis, service user & carer involvement.",
  "health", "executive", "plan", "none",
  "MHT PCT BMBC OPEN CARERS POL HOMELESS PROB JCP CVS", 6, 2.0, 0)

p("suicide", "Mental Wellbeing & Suicide Prevention Group",
  "Promoting mental wellbeing across the borough - five ways to wellbeing, workplace mental health, "
  "Mental Health First Aid courses. Annual suicide audit, hotspots (Brack Viaduct), bereavement "
  "support. Reduce the suicide rate by at least 20% by 2010.",
  "health", "operational", "plan", "none",
  "PCT MHT OPEN BMBC POL COLL HOMELESS CVS", 4, 2.0, 40000)

p("ldpb", "Learning Disability Partnership Board",
  "Valuing People (2001) and Valuing People Now (2009). Person centred planning, health action plans "
  "and annual health checks, day service modernisation, supported employment, housing options for "
  "people with learning disabilities. Self advocacy group reps on the board.",
  "health;housing;employment", "executive", "plan", "none",
  "BMBC PCT DIS CARERS MHT JCP COLL HA1 LINK CVS", 6, 2.5, 0)

p("psd", "Physical and Sensory Impairment Partnership Board",
  "Partnership board for adults with physical disabilities, sight loss and hearing loss. Independent "
  "living, direct payments and individual budgets (Putting People First), adaptations, accessible "
  "transport, equipment service, employment. Disabled people's reps on the board.",
  "health;housing;transport", "executive", "plan", "none",
  "BMBC PCT DIS CARERS HIA JCP PTE LINK CVS", 4, 2.5, 0)

p("falls_a", "Falls and Fracture Prevention Group",
  "To reduce the number of falls and fall-related injuries in people aged 65 and over. Integrated "
  "falls pathway across acute, community and social care; falls clinic referrals; strength and "
  "balance classes; osteoporosis assessment and medication review in care homes. Reduce emergency "
  "admissions for fractured neck of femur.",
  "health;older people", "operational", "plan", "none",
  "FALLS PCT HOSP AMB BMBC ELDER LEIS", 6, 2.0, 75000)

p("falls_b", "Staying Steady Network",
  "Network of older people's groups, volunteers and health staff. Promotes exercise to improve "
  "steadiness on the feet, checks of homes for trip hazards, bone health, and a quick response when "
  "elderly people have a tumble at home (pendant alarm / lifeline). Aim: fewer hip breaks in the "
  "over-65s.",
  "older people;health", "operational", "voluntary", "unincorporated association",
  "ELDER OPF FALLS HIA LEIS PCT CVS", 4, 2.0, 9000)

p("safeathome", "Safe at Home Partnership",
  "Free Home Fire Safety Checks for vulnerable older people and people with disabilities; smoke "
  "alarms (hard wired in ALMO stock), cooker and heater safety, referrals via carers and home care "
  "staff. Reduce accidental dwelling fires and fire deaths.",
  "older people;community safety;housing", "operational", "plan", "none",
  "FIRE HIA ELDER BMBC CARERS ALMO PCT", 4, 1.5, 30000)

p("olderpb", "Older People's Partnership Board",
  "Champions older people's wellbeing and independence - Opportunity Age, NSF for Older People "
  "(2001). Strategy 'Growing Older in Brackwater' 2008. NI 138 satisfaction of people over 65 with "
  "home and neighbourhood; NI 139 older people recieve the support they need to live independently. "
  "Intergenerational work, age discrimination.",
  "older people", "strategic", "plan", "none",
  "BMBC PCT ELDER OPF CVS HOSP ALMO LEIS LINK PTE POL FIRE", 4, 2.5, 0)

p("dementia", "Dementia Strategy Implementation Group",
  "National Dementia Strategy (Feb 09): early diagnosis and memory services, dementia advisers, "
  "quality of care in care homes, carers' support, public & professional awareness.",
  "health;older people", "operational", "plan", "none",
  "MHT PCT BMBC CARERS ELDER HOSP", 6, 2.0, 0)

p("carers_a", "Carers' Strategy Group",
  "Joint (Council/PCT) group responsible for the Brackwater Carers Strategy 2007-2010 and for local "
  "delivery of the National Carers Strategy 'Carers at the heart of 21st century families' (2008). "
  "Carers' assessments and services (NI 135), Carers Grant spend, breaks for carers, carers "
  "emergency card.",
  "health;older people", "executive", "plan", "none",
  "BMBC PCT CARERS MHT ELDER CVS YCP DIS", 4, 2.0, 650000)

p("carers_b", "Brackwater Carers' Forum",
  "For unpaid family carers and the groups who help them. Agrees what needs doing for people looking "
  "after a sick or disabled relative or friend - respite, information & advice, checking their own "
  "needs get assessed, emergency back-up - and keeps the joint plan under review with social "
  "services and the PCT.",
  "health;community", "executive", "voluntary", "unincorporated association",
  "CARERS OPF DIS ELDER OPEN BMBC PCT LINK", 6, 2.0, 2000)

p("link", "Brackwater LINk Stewardship Group",
  "Local Involvement Network (from April 2008). Gathers the views of the public on health and social "
  "care services, carries out 'enter and view' visits, refers matters to Health Scrutiny, makes "
  "reports and recommendations to commissioners. Host organisation: Brackwater CVS.",
  "health;community", "executive", "statutory", "none",
  "LINK CVS ELDER DIS BME OPEN PCT o:BMBC", 10, 2.0, 145000)

p("infant", "Infant Mortality Action Group",
  "Spearhead infant mortality target: reduce the gap in infant deaths between the routine & manual "
  "group and the whole population by at least 10% by 2010. Smoking in pregnancy, breastfeeding "
  "initiation (NI 53), safe sleeping, early booking with midwife, overcrowded housing.",
  "health;children and young people", "operational", "plan", "none",
  "PCT HOSP BMBC CC1 CC2 TPT ASIANW", 4, 2.0, 0)

p("urgent", "Urgent Care Network",
  "Unscheduled care. A&E 4 hour target, GP out of hours, walk-in centre (Brackwater Health Village, "
  "2009), delayed transfers of care, winter pressures and flu plans.",
  "health", "operational", "plan", "none",
  "PCT HOSP AMB BMBC LMC MHT", 12, 1.5, 0)

p("resilience", "Brackwater Local Resilience Group",
  "Emergency planning. Civil Contingencies Act 2004 Category 1 responders: community risk register, "
  "multi-agency major incident plan, business continuity, warning & informing the public, rest "
  "centres. H1N1 pandemic flu response 2009.",
  "community safety;health", "executive", "statutory", "none",
  "BMBC POL FIRE PCT HOSP AMB ALMO CVS EA", 4, 2.0, 0)

# ---- housing -----------------------------------------------------------------------------------
p("housing", "Brackwater Housing Partnership",
  "Housing strategy 2005-2010. Decent Homes by 2010 for council stock (ALMO 2 star), affordable "
  "housing delivery (NI 155), empty homes, housing for older people, links to HMR in Millrace. "
  "Reports to LSP.",
  "housing", "strategic", "plan", "none",
  "BMBC ALMO HA1 HA2 PCT CVS HOMELESS HIA POL FIRE", 4, 2.0, 0)

p("hmr", "Millrace & Tanyard Housing Market Renewal Board",
  "Area board for the HMR pathfinder intervention area: clearance of approx 400 low demand terraces, "
  "acquisition & relocation, new build mixed tenure (Phase 1 Tanyard Fields), environmental "
  "improvements, community consultation.",
  "housing;economy and regeneration", "executive", "funding", "none",
  "BMBC ALMO HA2 TCF RDA NMT HA1 POL CVS FIRE", 6, 2.0, 6800000)

p("landlords", "Private Rented Sector Forum",
  "Landlord accreditation scheme, HMO licensing (Housing Act 2004), HHSRS enforcement, empty "
  "property, tenancy deposit protection. Quarterly meeting with landlords.",
  "housing", "operational", "voluntary", "none",
  "BMBC HIA ADV FIRE HOMELESS POL", 4, 2.0, 0)

p("sp_cb", "Supporting People Commissioning Body",
  "SP Commissioning Body: council (administering authority), PCT and probation. Approves the SP "
  "five-year strategy, commissioning and decommissioning of housing-related support (sheltered, "
  "floating support, hostels, refuges), service reviews, QAF. SP grant £7.9m. NI 141 / NI 142.",
  "housing", "executive", "funding", "none",
  "BMBC PCT PROB o:HA1 o:CVS", 4, 2.0, 7900000)

p("homeless", "Homelessness Forum",
  "Brackwater Homelessness Strategy. Prevention (mediation, rent deposit bond), halve the use of "
  "temporary accomodation by 2010 (NI 156), no 16/17 yr olds in B&B, rough sleeper count nil. "
  "Multi-agency forum of statutory and voluntary providers.",
  "housing", "operational", "plan", "none",
  "BMBC HOMELESS HA1 HA2 ALMO ADV PROB MHT YOUTHP CVS PCT POL", 4, 2.0, 0)

p("cbl", "Homechoice Brackwater Partnership",
  "Sub-regional choice based lettings scheme launched 2008. Common housing register, banding and "
  "allocations policy, advertising of lettings, monitoring lets to BME and vulnerable applicants.",
  "housing", "operational", "plan", "none",
  "ALMO HA1 HA2 BMBC ADV HOMELESS", 6, 1.5, 0)

p("gypsy", "Gypsy & Traveller Liaison Group",
  "Unauthorised encampments protocol, GTAA (2007) - pitch provision at Cawsey Lane site, access to "
  "health and education for travelling families.",
  "housing;community", "operational", "plan", "none",
  "BMBC POL PCT HEADS BME CVS", 3, 1.5, 0)

# ---- economy, employment, skills ---------------------------------------------------------------
p("econ", "Brackwater Enterprise and Regeneration Partnership",
  "The Brackwater Enterprise and Regeneration Partnership is the economic thematic partnership of the "
  "Brackwater Partnership. Its terms of reference are: to prepare and monitor the Brackwater Economic "
  "Strategy 2006-2016; to co-ordinate regeneration programmes and major physical schemes including "
  "Brackwater Riverside and the town centre masterplan; to support inward investment and business "
  "growth; to work with Pennine Forward on the Regional Economic Strategy and the Thorncastle City "
  "Region Development Programme; and to report on the economic block of the LAA (NI 151 overall "
  "employment rate, NI 166 median earnings, NI 171).",
  "economy and regeneration", "strategic", "plan", "none",
  "CHAMB v:BMBC RDA JCP LSC COLL HARLAN BID CVS PTE", 4, 2.5, 0)

p("esb", "Employment and Skills Board",
  "Employer-led board (from 2008, replaced the Learning Partnership). Sets priorities for adult "
  "skills and employment so local people can fill local jobs: Skills for Life, Level 2 and 3 "
  "qualifications (NI 163, NI 164), apprenticeships, Local Employment Partnerships with big "
  "recruiters.",
  "education and skills;employment", "strategic", "plan", "none",
  "CHAMB BMBC LSC JCP COLL MOOR HARLAN CNX UNI CVS", 4, 2.0, 0)

p("work_a", "Worklessness Task Group",
  "LSP sub-group. Reduce the number of people on out-of-work benefits, with particular focus on "
  "incapacity benefit (IB/ESA) claimants and lone parents in the NRF wards. NI 152, NI 153. "
  "Coordinate the City Strategy / Pathways to Work offer.",
  "employment;economy and regeneration", "executive", "plan", "none",
  "JCP BMBC PCT CVS LSC COLL MOOR ODT", 6, 2.0, 0)

p("work_b", "Brackwater Into Work Consortium",
  "Consortium of employment support providers (voluntary and private). One joined-up route for "
  "jobless residents: outreach, confidence building, job brokerage and in-work support in the first "
  "13 weeks. Particular effort with people off sick long-term and single mums/dads. Single referral "
  "form.",
  "employment", "operational", "voluntary", "community interest company",
  "ODT MOOR CVS ADV JCP COLL HARLAN", 10, 2.0, 540000)

p("t2g", "Train to Gain Employer Forum",
  "Skills brokerage for employers - esp. SMEs, manufacturing and care sector. Free Level 2 for staff "
  "without a first full L2, workplace NVQs, Skills Pledge sign-ups, leadership & management. "
  "Monitor starts / completions.",
  "education and skills;economy and regeneration", "operational", "funding", "none",
  "LSC MOOR COLL CHAMB HARLAN BMBC", 4, 1.5, 0)

p("adultlearn", "Adult Learning and Skills for Life Partnership",
  "Adult & community learning: basic literacy, numeracy and ESOL classes in community venues; family "
  "learning; first steps courses; learner voice. NI 161 / NI 162.",
  "education and skills", "operational", "plan", "none",
  "COLL BMBC LSC JCP CVS BME ASIANW ODT", 4, 2.0, 0)

p("tcm", "Town Centre Management Partnership", "",
  "economy and regeneration", "executive", "voluntary", "none",
  "BMBC BID CHAMB POL BUS PUBS LEIS ARTS", 6, 2.0, 60000)

p("bid", "Brackwater Town Centre BID Board",
  "Business Improvement District (ballot Oct 2007, 5 yr term). Levy of 1% of rateable value pays "
  "for street ambassadors, extra cleansing, Christmas lights & events, marketing, car parking "
  "promotions, retail crime radio. Promote Brackwater as a shopping destination.",
  "economy and regeneration", "executive", "funding", "company limited by guarantee",
  "BID CHAMB BMBC POL BUS PUBS LEIS ARTS", 10, 2.0, 410000)

p("ollerby", "Ollerby Market Town Initiative",
  "Renaissance Market Towns programme for Ollerby. Health check 2005, action plan: refurbish Ollerby "
  "Market Hall, shop front improvement grants, Ollerby Festival and farmers market, signage & car "
  "parking, promote Ollerby as a visitor destination.",
  "economy and regeneration;culture and leisure", "executive", "funding", "none",
  "ODT BMBC CHAMB RDA POL ARTS", 6, 2.0, 380000)

p("riverside", "Brackwater Riverside Regeneration Board",
  "Mixed use redevelopment of the 28ha former Brack Mills and gasworks site along the River Brack: "
  "remediation, new college campus, Riverside Business Park, riverside walk, link to Brackwater "
  "Interchange. Masterplan SPD adopted 2006.",
  "economy and regeneration;environment", "executive", "funding", "company limited by guarantee",
  "BMBC RDA CHAMB GREEN PTE COLL HARLAN EA", 6, 2.0, 3500000)

p("tourism", "Visit Brackwater Tourism Partnership",
  "Visitor economy: destination marketing, Visitor Information Centre, heritage trail, hotel and "
  "B&B quality, events (Brackwater Festival, Ollerby Steam Fair). Day visitor spend.",
  "culture and leisure;economy and regeneration", "operational", "voluntary", "none",
  "BMBC CHAMB ARTS LEIS ODT BID", 4, 2.0, 55000)

p("fin_a", "Financial Inclusion Steering Group",
  "Implements Brackwater's Financial Inclusion Strategy (2007). Improve access to affordable credit, "
  "free face-to-face money advice and basic bank accounts; tackle illegal money lending; maximise "
  "benefit take-up; support the growth of Millrace and District Credit Union.",
  "economy and regeneration;community", "executive", "plan", "none",
  "BMBC ADV CU JCP ALMO CVS IMLT HA1 PCT", 4, 2.0, 70000)

p("fin_b", "Debt & Affordable Lending Network",
  "Advice agencies & lenders. Debt advice capacity (FIF funded), loan shark referrals to IMLT, CU "
  "growth, jam-jar / save & borrow accounts. Getting households off doorstep lenders.",
  "economy and regeneration", "operational", "voluntary", "none",
  "ADV CU IMLT HA2 CVS ALMO TCF POL", 6, 1.5, 0)

p("fin_c", "Money Matters Partnership",
  "Community-based partnership, began in Millrace, now borough wide. Helping residents cope with "
  "money worries: household budgeting courses, welfare rights checks, fair loans through the credit "
  "union, info about high-cost lenders and loan sharks.",
  "community;economy and regeneration", "operational", "voluntary", "unincorporated association",
  "CU TCF ADV BMBC HA2 ODT FAML CVS", 6, 2.0, 12000)

p("affwarmth", "Affordable Warmth Group",
  "Fuel poverty - Warm Front and CERT referrals, cavity wall and loft insulation for vulnerable "
  "households, excess winter deaths, benefit entitlement checks with advice agencies. NI 187.",
  "housing;health;older people", "operational", "plan", "none",
  "ENERGY BMBC ALMO HIA ELDER PCT HA1 ADV FIRE", 4, 2.0, 150000)

# ---- environment ------------------------------------------------------------------------------
p("env", "Greener Brackwater Partnership",
  "Environment thematic partnership of the LSP. Sustainability, biodiversity (Brackwater Biodiversity "
  "Action Plan), waste, climate change, clean streets and green space - joins up the environmental "
  "parts of the SCS.",
  "environment", "strategic", "plan", "none",
  "BMBC GREEN ENERGY NSTAR WDA CHAMB ALMO PCT CVS EA FIRE", 4, 2.0, 0)

p("climate_a", "Climate Change Officer Working Group",
  "Officers from across council depts & partners. Draft & deliver Climate Change Strategy & Action "
  "Plan (2009). NI 185 (CO2 from LA operations), NI 186 (per capita CO2 emissions - LAA), NI 188 "
  "adapting to climate change (level 2 by 2010). Carbon Management Programme.",
  "environment", "operational", "plan", "none",
  "BMBC PCT ALMO ENERGY GREEN FIRE COLL", 6, 1.5, 0)

p("climate_b", "Members' Low Carbon Panel",
  "Cross-party panel of elected members with co-opted partners. To give political leadership on "
  "cutting the borough's greenhouse gas output and on preparing for hotter summers and flooding; to "
  "approve the borough's carbon reduction plan and track the footprint per resident; to champion "
  "energy saving in homes, businesses and the council's own buildings.",
  "environment", "executive", "voluntary", "none",
  "BMBC ENERGY GREEN CHAMB ALMO HA1", 4, 2.0, 0)

p("waste", "Municipal Waste Management Strategy Partnership",
  "Joint municipal waste strategy with the WDA. Recycling & composting (NI 192), landfill diversion "
  "(LATS), kerbside collections, bring sites, waste minimisation / real nappies, household waste "
  "recycling centres.",
  "environment", "executive", "statutory", "joint committee",
  "WDA BMBC NSTAR GREEN ALMO", 4, 2.0, 0)

p("flood", "Flood Risk Management Group",
  "Set up after the June 2007 floods (Brack Beck, Hobcroft). Multi-agency flood plan, gully and "
  "culvert maintenance, Pitt Review recommendations, sandbag policy, flood wardens in Hobcroft & "
  "Lowfold, Surface Water Management Plan.",
  "environment;community safety", "operational", "plan", "none",
  "BMBC EA FIRE POL ALMO HA1 HLRA", 4, 2.0, 45000)

p("air", "Air Quality Steering Group", "",
  "environment;health;transport", "operational", "statutory", "none",
  "BMBC PCT PTE BUS EA HARLAN", 2, 2.0, 0)

# ---- culture, leisure, transport -------------------------------------------------------------
p("culture", "Brackwater Cultural Partnership",
  "Cultural strategy: arts, heritage, libraries and museums. Increase participation (NI 11 engagement "
  "in the arts, NI 9 use of public libraries, NI 10 visits to museums and galleries). Creative "
  "industries.",
  "culture and leisure", "strategic", "plan", "none",
  "BMBC ARTS LEIS CVS COLL ODT BME PCT", 4, 2.0, 0)

p("sport", "Brackwater Community Sport and Physical Activity Network",
  "Community Sport Network (Sport England). More adults taking part in sport and active recreation "
  "(NI 8 - 3 x 30 mins a week, Active People survey), club development, coaches and volunteers, free "
  "swimming for over-60s (2009).",
  "culture and leisure;health", "executive", "funding", "none",
  "LEIS SPORTS BMBC PCT COLL HEADS CVS", 4, 2.0, 85000)

p("festival", "Brackwater Festival Steering Committee", "",
  "culture and leisure", "operational", "voluntary", "unincorporated association",
  "ARTS BMBC LEIS BID CHAMB POL FIRE", 8, 2.0, 48000)

p("ltp", "Local Transport Plan Partnership",
  "LTP2 2006-11 for Brackwater (part of the Thornvale joint LTP). Bus punctuality, congestion, "
  "accessibility planning, highway maintenance, Brackwater Interchange.",
  "transport", "executive", "statutory", "none",
  "BMBC PTE BUS POL PCT CHAMB DIS CVS", 4, 2.0, 0)

p("commtrans", "Community Transport Forum",
  "Dial-a-ride, group minibus hire, volunteer car scheme for people who can't use ordinary buses, "
  "hospital trips. MiDAS driver training. Center at Hobcroft depot.",
  "transport;older people", "operational", "voluntary", "none",
  "DIS BMBC PTE ELDER PCT CVS", 4, 1.5, 190000)

p("schooltravel", "School Travel Plan Steering Group",
  "Every school to have an approved School Travel Plan by 2010. Walking buses, Bikeability, safer "
  "routes to school, cut car use on the school run (NI 198 mode of travel to school).",
  "transport;children and young people", "operational", "plan", "none",
  "BMBC HEADS POL PCT PTE HSCH", 3, 1.5, 35000)

# ---------------------------------------------------------------------------------------------
# Truth. Groups are partnerships doing the same work; hard negatives look alike but do not.
# ---------------------------------------------------------------------------------------------
GROUPS = [
    ["cypsp", "ctb"],                    # renamed successor left open, same members
    ["nrf", "wnf", "ctg"],               # funding-stream boards for the same area-based job
    ["dvforum", "odan"],                 # borough forum and a 'neighbourhood' network now borough-wide
    ["climate_a", "climate_b"],          # officer group and members' group
    ["dat", "daatjcg"],                  # renamed successor, same members, one terse
    ["tp_a", "tp_b"],                    # mainstream board and Choose Health funded group
    ["falls_a", "falls_b"],              # NHS-led group and voluntary network
    ["ssc_a", "grot_b", "street_c"],     # funding board, enforcement group, voluntary forum
    ["work_a", "work_b"],                # LSP sub-group and provider consortium
    ["obesity_a", "obesity_b", "obesity_c"],
    ["prevent_a", "prevent_b"],
    ["neet_a", "neet_b"],                # sub-groups of two different boards
    ["carers_a", "carers_b"],            # council/PCT group and voluntary forum
    ["fin_a", "fin_b", "fin_c"],
    ["tcm", "bid"],                      # same members, one with an empty objective
    ["nte", "nightsafe"],
]

HARD_NEGATIVES = [
    ["cc1", "cc2"],                  # same kind of facility, two different places
    ["nm_hob", "nm_cin"],            # same model, two different estates
    ["dvforum", "marac"],            # strategic forum and its case-level operational group
    ["daatjcg", "alcohol"],          # drugs vs alcohol
    ["carers_a", "young_carers"],    # adult carers vs children who care
    ["ldpb", "psd"],                 # same boilerplate, different client group
    ["cdrp", "jtcg"],                # strategic board and its own tasking sub-group
    ["obesity_b", "sport"],          # children's healthy weight vs adult sport participation
    ["work_b", "t2g"],               # out-of-work support vs in-work skills
    ["neet_b", "aimhigher"],         # post-16 participation vs progression to university
    ["fin_a", "affwarmth"],          # money advice vs fuel poverty
    ["bid", "ollerby"],              # town centre management in two different towns
    ["prevent_b", "cohesion"],       # preventing extremism vs general cohesion
    ["tp_b", "chlamydia"],           # conceptions vs sexually transmitted infections
    ["falls_b", "safeathome"],       # falls vs fire safety in older people's homes
    ["climate_a", "waste"],          # carbon vs waste, same environment officers
    ["wnf", "legi"],                 # two area-based funds, different purposes
    ["bsf", "pcp"],                  # secondary vs primary school capital programmes
]

NOTE = ("Brackwater is an invented metropolitan borough; all names are made up. 16 groups "
        "(12 pairs, 4 triples, 24 true pairs) and 18 hard negatives. Any pair not inside a group is "
        "not a duplicate.")

ROLE = {"v": "vice-chair", "a": "accountable body", "o": "observer"}


def build():
    org_id = {}
    for i, (k, _name, _sector, _type) in enumerate(ORGS, 1):
        if k in org_id:
            raise SystemExit(f"duplicate org key {k}")
        org_id[k] = f"BWO{i:02d}"

    keys = [x["key"] for x in P]
    if len(set(keys)) != len(keys):
        raise SystemExit("duplicate partnership key")
    # keep the LSP and its executive at the top; the rest in a fixed pseudo-random order
    head, rest = P[:2], P[2:]
    rest = sorted(rest, key=lambda x: x["key"])
    random.Random(20070401).shuffle(rest)
    ordered = head + rest
    ref = {x["key"]: f"BW{i:03d}" for i, x in enumerate(ordered, 1)}

    parts, mems = [], []
    for x in ordered:
        toks = x["members"].split()
        lead = toks[0]
        if ":" in lead:
            raise SystemExit(f"lead must be plain in {x['key']}")
        seen = set()
        for j, t in enumerate(toks):
            role, k = ("chair", t) if j == 0 else (
                (ROLE[t[0]], t[2:]) if ":" in t else ("member", t))
            if k not in org_id:
                raise SystemExit(f"unknown org {k} in {x['key']}")
            if k in seen:
                raise SystemExit(f"org {k} twice in {x['key']}")
            seen.add(k)
            mems.append([ref[x["key"]], org_id[k], role])
        parts.append([ref[x["key"]], x["title"], x["objective"], x["themes"], x["layer"], x["basis"],
                      x["legal"], org_id[lead], str(x["mpy"]), f"{x['hours']:g}", str(x["budget"])])

    truth = {
        "groups": [[ref[k] for k in g] for g in GROUPS],
        "hard_negatives": [[ref[a], ref[b]] for a, b in HARD_NEGATIVES],
        "note": NOTE,
    }
    return org_id, parts, mems, truth


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    org_id, parts, mems, truth = build()
    write_csv("organisations.csv", ["id", "name", "sector", "type"],
              [[org_id[k], n, s, t] for k, n, s, t in ORGS])
    write_csv("partnerships.csv",
              ["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
               "meetings_per_year", "meeting_hours", "annual_budget_gbp"], parts)
    write_csv("memberships.csv", ["partnership_ref", "org_id", "role"], mems)
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    print(f"{len(ORGS)} organisations, {len(parts)} partnerships, {len(mems)} memberships, "
          f"{len(truth['groups'])} groups, {len(truth['hard_negatives'])} hard negatives")


if __name__ == "__main__":
    main()
