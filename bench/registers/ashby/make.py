#!/usr/bin/env python3
"""Build the "Ashby and Wold" partnership-register benchmark.

Ashby and Wold is an invented English unitary council (a market town, a seaside resort and a
rural hinterland of villages).  The register is written as a democratic services team might have
kept it in a SharePoint list around 2017-2020 and then exported it to CSV.

Standard library only.  Every word of the register is data in this file and the output does not
change from run to run.  Usage, from any directory:

    python3 make.py

writes organisations.csv, partnerships.csv, memberships.csv and truth.json next to this script.
"""
import csv
import json
import os
import random

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = "ashby-and-wold-register-2019"

# --------------------------------------------------------------------------- vocabularies
THEME = {
    "H": "health", "CS": "community safety", "CYP": "children and young people",
    "OP": "older people", "ECO": "economy and regeneration", "EDU": "education and skills",
    "HOU": "housing", "ENV": "environment", "TRA": "transport", "CUL": "culture and leisure",
    "COM": "community", "DA": "drugs and alcohol", "EMP": "employment",
}
LAYER = {"S": "strategic", "E": "executive", "O": "operational"}
BASIS = {"st": "statutory", "fu": "funding", "pl": "plan", "vo": "voluntary"}
LEGAL = {
    "-": "none", "clg": "company limited by guarantee", "cio": "charitable incorporated organisation",
    "cic": "community interest company", "ua": "unincorporated association", "jc": "joint committee",
}
ROLE = {"": "member", "vc": "vice-chair", "ab": "accountable body", "obs": "observer"}

# --------------------------------------------------------------------------- organisations
# (id, name, sector, type)
ORGANISATIONS = [
    ("A01", "Ashby and Wold Council", "public", "unitary authority"),
    ("A02", "NHS Ashby and Wold Clinical Commissioning Group", "public", "clinical commissioning group"),
    ("A03", "Carrland Police", "public", "police force"),
    ("A04", "Carrland Fire and Rescue Service", "public", "fire and rescue service"),
    ("A05", "Voluntary Action Ashby and Wold", "voluntary", "council for voluntary service"),
    ("A06", "North Carrland Hospitals NHS Foundation Trust", "public", "acute hospital trust"),
    ("A07", "Carrland Partnership NHS Foundation Trust", "public", "mental health and community trust"),
    ("A08", "National Probation Service (Carrland)", "public", "probation service"),
    ("A09", "Carrland and Eastholme Community Rehabilitation Company", "private", "community rehabilitation company"),
    ("A10", "Office of the Police and Crime Commissioner for Carrland", "public", "police and crime commissioner"),
    ("A11", "Jobcentre Plus Ashby and Thornsea", "public", "government agency"),
    ("A12", "Healthwatch Ashby and Wold", "voluntary", "local Healthwatch"),
    ("A13", "Public Health England (Carrland Health Protection Team)", "public", "executive agency"),
    ("A14", "NHS England and NHS Improvement (Carrland area team)", "public", "NHS body"),
    ("A15", "Eastern Shires Ambulance Service NHS Trust", "public", "ambulance trust"),
    ("A16", "Carrland and Coast Local Enterprise Partnership", "public", "local enterprise partnership"),
    ("A17", "Environment Agency (Carrland and Eastholme area)", "public", "government agency"),
    ("A18", "Wold Carrs Internal Drainage Board", "public", "internal drainage board"),
    ("A19", "Natural England", "public", "non-departmental public body"),
    ("A20", "Ashby and Thornsea College", "public", "further education college"),
    ("A21", "Wold Learning Trust", "public", "multi-academy trust"),
    ("A22", "Thornsea Academy", "public", "secondary school"),
    ("A23", "Queen Eleanor School, Ashby", "public", "secondary school"),
    ("A24", "Hawsby CE Primary School", "public", "primary school"),
    ("A25", "Ashby and Wold Youth Justice Service", "public", "youth offending team"),
    ("A26", "Woldgate Homes", "voluntary", "housing association"),
    ("A27", "Seaholme Housing Group", "voluntary", "housing association"),
    ("A28", "Citizens Advice Ashby and Wold", "voluntary", "advice charity"),
    ("A29", "Age UK Ashby and Wold", "voluntary", "charity"),
    ("A30", "Ashby and Wold Carers Hub", "voluntary", "carers charity"),
    ("A31", "Coast and Wold Domestic Abuse Service", "voluntary", "specialist domestic abuse charity"),
    ("A32", "Turning Tide Recovery", "voluntary", "drug and alcohol treatment charity"),
    ("A33", "Harbour Light Night Shelter", "voluntary", "homelessness charity"),
    ("A34", "Ashby and Thornsea Foodbank", "voluntary", "charity"),
    ("A35", "Ashby and Thornsea Mind", "voluntary", "mental health charity"),
    ("A36", "Wold Rural Action", "voluntary", "rural community council"),
    ("A37", "WoldLink Community Transport", "voluntary", "community transport operator"),
    ("A38", "Active Ashby and Wold Trust", "voluntary", "leisure trust"),
    ("A39", "Thornsea Pavilion Arts Trust", "voluntary", "arts charity"),
    ("A40", "Ashby and Wold Chamber of Commerce", "private", "chamber of commerce"),
    ("A41", "Federation of Small Businesses (Carrland)", "private", "business membership body"),
    ("A42", "Thornsea Business Improvement District", "private", "business improvement district"),
    ("A43", "Visit Thornsea", "private", "tourism association"),
    ("A44", "NFU Wold Coast Branch", "private", "farmers union branch"),
    ("A45", "Ashby Town Council", "public", "town council"),
    ("A46", "Thornsea Town Council", "public", "town council"),
    ("A47", "Kelthorpe Parish Council", "public", "parish council"),
    ("A48", "Churches Together in Thornsea", "community", "faith group"),
    ("A49", "Carrland Wildlife Trust", "voluntary", "wildlife charity"),
    ("A50", "Wold Hills AONB Unit", "public", "protected landscape team"),
    ("A51", "Ashby and Wold Parent Carer Forum", "community", "parent carer forum"),
    ("A52", "Thornsea Youth Project", "voluntary", "youth charity"),
    ("A53", "Ashby and Wold Credit Union", "voluntary", "credit union"),
    ("A54", "Seagrave Hospice", "voluntary", "hospice"),
    ("A55", "Carrland Care Association", "private", "care providers association"),
    ("A56", "Ashby Health GP Federation", "private", "GP federation"),
    ("A57", "Home Office (Prevent regional team)", "public", "government department"),
    ("A58", "HM Coastguard (Thornsea station)", "public", "government agency"),
    ("A59", "Thornsea Harbour Commissioners", "public", "trust port"),
    ("A60", "Gangmasters and Labour Abuse Authority", "public", "non-departmental public body"),
    ("A61", "British Red Cross (Carrland)", "voluntary", "charity"),
    ("A62", "Royal British Legion (Ashby branch)", "community", "ex-service association"),
    ("A63", "Thornsea Mutual Aid Network", "community", "mutual aid group"),
    ("A64", "Ashby and Thornsea Interfaith Forum", "community", "faith group"),
    ("A65", "Ashby and Wold Disability Forum", "community", "user-led organisation"),
    ("A66", "Wold Coast Climate Action", "community", "community group"),
    ("A67", "Eastholme Water", "private", "water company"),
    ("A68", "Carrland Diocesan Board of Education", "voluntary", "diocesan board"),
]

# The six big partners and how likely each is to sit on a board of a given flavour.  Explicitly
# listed members are always added on top; the lead is always a member (as chair).
BIG = ["A01", "A02", "A03", "A04", "A05", "A06"]
FLAVOUR = {
    #           council CCG  police fire  CVS  acute
    "all":     (1.00, 1.00, 1.00, 1.00, 1.00, 1.00),
    "std":     (0.92, 0.70, 0.70, 0.45, 0.80, 0.50),
    "health":  (0.95, 0.95, 0.35, 0.25, 0.80, 0.85),
    "safety":  (0.95, 0.55, 0.95, 0.80, 0.70, 0.40),
    "kids":    (0.95, 0.85, 0.80, 0.30, 0.70, 0.55),
    "place":   (0.95, 0.20, 0.35, 0.35, 0.65, 0.15),
    "few":     (0.50, 0.00, 0.00, 0.00, 0.50, 0.00),
    "none":    (0.00, 0.00, 0.00, 0.00, 0.00, 0.00),
}

ENTRIES = []


def add(key, title, objective, themes, layer, basis, legal, lead, meets, hours, budget,
        members="", big="std", copy=None, delta=""):
    ENTRIES.append(dict(key=key, title=title, objective=objective, themes=themes, layer=layer,
                        basis=basis, legal=legal, lead=lead, meets=meets, hours=hours, budget=budget,
                        members=members, big=big, copy=copy, delta=delta))


# =========================================================================== the register
# ---- borough-wide and community ------------------------------------------------------------
add("awp", "Ashby and Wold Partnership Board (LSP)",
    "The borough's top-level partnership of public, business, voluntary and community leaders. It owns "
    "the community plan 'Our Ashby and Wold 2017-2030' and its three ambitions - a growing economy, "
    "healthy and independent people, and safe, strong communities - and holds the thematic partnerships "
    "to account for delivering them. Annual State of the Borough event each autumn.",
    "COM ECO H CS", "S", "pl", "ua", "A01", 4, 2.5, 25000,
    "vc:A05 A07 A10 A11 A16 A20 A26 A40 A45 A36 obs:A14", big="all")
add("vcse", "VCSE Assembly",
    "Open meeting of voluntary, community and social enterprise groups, hosted by VAAW. Elects VCSE reps "
    "to partnership boards; funding news; the local Compact; capacity building and volunteering.",
    "COM", "O", "vo", "ua", "A05", 4, 2, 3000,
    "A29 A28 A36 A34 A31 A39 A52 A61 A64 A65", big="few")
add("armed", "Armed Forces Covenant Partnership", "",
    "COM", "O", "vo", "-", "A01", 3, 1.5, 0,
    "A62 A11 A26 A07 A02 A05", big="std")
add("equality", "Equality and Diversity Forum",
    "Public sector equality duty: equality objectives, equality impact assessments on budget proposals, "
    "engagement with disabled residents, faith and BAME communities and LGBT+ residents. Terms of "
    "reference reviewed annually.",
    "COM", "O", "pl", "-", "A01", 4, 1.5, 0,
    "A64 A65 A12 A48", big="std")
add("parish", "Town and Parish Councils Liaison Meeting", "Liaison",
    "COM", "O", "vo", "-", "A01", 3, 2, 0,
    "A45 A46 A47 A36 A03", big="few")
add("digital", "Digital Inclusion Network",
    "Get online: free wi-fi and PCs in libraries, digital champions, device lending, beginners' courses, "
    "older and disabled residents, rural connectivity.",
    "COM EDU", "O", "vo", "-", "A05", 4, 1.5, 6000,
    "A01 A20 A29 A28 A11 A36 A65", big="place")
add("foodpov", "Food Poverty Alliance",
    "Rising foodbank use; holiday hunger (school holiday food and activity clubs); Healthy Start vouchers; "
    "community fridges; surplus food redistribution.",
    "COM H CYP", "O", "vo", "-", "A34", 6, 1.5, 0,
    "A01 A05 A48 A28 A21 A52", big="place")
add("ope", "One Public Estate Partnership",
    "Joint use of public land and buildings: co-location at the planned Thornsea public service hub "
    "(police, fire, council, health), surplus sites released for housing, capital receipts. OPE phase 7 funding.",
    "ECO HOU", "E", "fu", "-", "A01", 6, 2, 180000,
    "A03 A04 A02 A06 A07 A15 A16", big="std")

# ---- community safety ------------------------------------------------------------------------
add("csp", "Safer Ashby and Wold Partnership (CSP)",
    "Statutory community safety partnership (Crime and Disorder Act 1998). Annual strategic assessment; "
    "partnership plan priorities 2017-20: domestic abuse, exploitation and county lines, anti-social "
    "behaviour, reoffending, road safety, alcohol-related harm. Oversees the sub-groups and commissions "
    "DHRs. Terms of reference reviewed annually.",
    "CS", "S", "st", "-", "A01", 4, 2, 60000,
    "vc:A03 A08 A09 A10 A25 A26 A27 A15", big="all")
add("asb", "CSP - ASB and Nuisance Action Group",
    "Multi-agency problem solving for anti-social behaviour: community trigger reviews, CPWs and CPNs, "
    "civil injunctions, the Thornsea town centre PSPO (street drinking, aggressive begging), neighbour "
    "nuisance in social housing, cuckooing referrals. Sub-group of Safer Ashby and Wold (CSP).",
    "CS HOU", "O", "pl", "-", "A01", 12, 1.5, 15000,
    "vc:A03 A26 A27 A25 A32 A46", big="safety")
add("reoff", "Reducing Reoffending Board",
    "IOM cohort (neighbourhood crime), accommodation and ETE for people leaving prison, through-the-gate "
    "with the CRC, women offenders, short sentences. Action plan and performance dashboard.",
    "CS EMP", "E", "pl", "-", "A08", 6, 2, 0,
    "A09 A10 A32 A26 A27 A11 A35 A01 A03", big="std")
add("yjmb", "Youth Justice Management Board",
    "Statutory oversight of the youth justice service (Crime and Disorder Act 1998 s.39): annual youth "
    "justice plan, first-time entrants, reoffending, use of custody, education and training of young "
    "people in the system, HMIP inspection readiness.",
    "CS CYP", "S", "st", "-", "A01", 4, 2, 0,
    "A25 A03 A08 A02 A07 A21 A20 A10", big="kids")
add("substance", "Drug and Alcohol Partnership",
    "Commissioning and performance of the adult and young people's drug and alcohol treatment system "
    "(Turning Tide contract 2017-22). Successful completions, drug-related deaths, naloxone supply, "
    "alcohol care team at Ashby General, dual diagnosis with mental health services. Reports to the "
    "Health and Wellbeing Board.",
    "DA H", "E", "pl", "-", "A01", 6, 2, 2100000,
    "A32 A07 A06 A08 A09 A03 A35 A33 A56", big="health")
add("nte", "Thornsea Night-Time Economy & Pubwatch",
    "Seafront and Old Town evenings in the summer season: Pubwatch banning scheme, shared radio link, "
    "street pastors, taxi marshals, licensing reviews, weekend safe space.",
    "CS DA ECO", "O", "vo", "-", "A03", 6, 1.5, 9000,
    "A46 A42 A43 A48 A01 A15 A04", big="safety")
add("roads", "Carrland Safer Roads Partnership - Ashby and Wold group",
    "Killed and seriously injured casualty reduction: speed enforcement and camera sites, route study on "
    "the Wold Road, summer motorcycle safety campaign, young driver education in sixth forms, community "
    "speedwatch in the villages.",
    "TRA CS", "E", "pl", "-", "A03", 4, 2, 40000,
    "A01 A04 A15 A10 A20 A47", big="safety")
add("scams", "Scams and Doorstep Crime Partnership",
    "Trading standards led. Call blockers, Friends Against Scams, rapid response to rogue traders, "
    "no-cold-calling zones, banking protocol with local branches.",
    "CS OP", "O", "pl", "-", "A01", 4, 1.5, 5000,
    "A03 A29 A28 A10 A53", big="safety")
add("hate", "Hate Crime & Community Tensions Group",
    "Monitoring hate incidents and community tension; third-party reporting centres; tension response "
    "plans after national events (the EU referendum, terror attacks); support for victims; Hate Crime "
    "Awareness Week. Sub-group of Safer Ashby and Wold (CSP).",
    "CS COM", "O", "pl", "-", "A03", 6, 1.5, 4000,
    "A01 A64 A48 A65 A05 A28 A10", big="std")
add("prevent", "Prevent Partnership Board",
    "Prevent duty (Counter-Terrorism and Security Act 2015, s.26). Counter-terrorism local profile (CTLP) "
    "and action plan; WRAP training for frontline staff; referral route into Channel; risk in schools, "
    "FE and health settings; online radicalisation; extreme right-wing activity on the coast.",
    "CS COM", "S", "st", "-", "A01", 4, 2, 0,
    "vc:A03 A57 A20 A21 A07 A08 A25 A22", big="std")
add("contest", "CONTEST Local Delivery Group", "",
    "CS", "E", "st", "-", "A03", 4, 1.5, 0,
    "", copy="prevent", delta="-A22 +A23")
add("msp", "Modern Slavery Partnership",
    "Partners working to find and support victims of forced labour, servitude and human trafficking in the "
    "borough - seasonal farm and food-packing work in the Wold, hand car washes, nail bars, cannabis grows - "
    "and to disrupt the people exploiting them. Modern Slavery Act 2015: NRM first-responder training, "
    "transparency statements, shared intelligence.",
    "CS EMP", "E", "pl", "-", "A03", 4, 2, 0,
    "vc:A01 A60 A44 A04 A11 A28 A48 A08", big="std")
add("msht", "MSHT Operational Group", "Trafficking.",
    "CS", "O", "pl", "-", "A60", 6, 1.5, 0,
    "", copy="msp", delta="-A48")

# domestic abuse - three entries doing the same work
add("dasg", "CSP - DA Strategic Group",
    "DA strategy 2018-21 action plan. MARAC performance, IDVA capacity, refuge contract, DHRs "
    "(commissioning + action plans), perpetrator programme, Op Encompass. Prep for DA Bill.",
    "CS", "E", "pl", "-", "A01", 6, 2, 310000,
    "vc:A31 A10 A25 A26 A27 A08 A07", big="safety")
add("dvab", "Domestic Violence and Abuse Partnership Board",
    "Brings partners together to cut the harm done by abuse from partners, ex-partners and family members. "
    "We want people to be able to ask for help earlier, to be kept safe, to have somewhere secure to stay, "
    "and for those who hurt them to be held to account and helped to change. Commissions the specialist "
    "service for the borough and reports each year to the Health and Wellbeing Board and the Police and "
    "Crime Commissioner.",
    "CS H", "S", "st", "-", "A10", 4, 2, 0,
    "A01 A31 A28 A35 A21", big="std")
add("survivors", "Coast and Wold Survivors' Network",
    "Forum for agencies supporting women, men and children living with or escaping violent relationships: "
    "refuge, outreach, counselling, children's groups. Shares practice, training and gaps; feeds views to "
    "the council.",
    "CS COM", "O", "vo", "ua", "A31", 4, 2, 0,
    "A28 A35 A27 A52 A48 A29 A64", big="few")

# street homelessness - four entries doing the same work
add("streethom", "CSP - Street Homelessness Task Group",
    "Sub-group of Safer A&W. People bedding down in Thornsea town centre and the seafront shelters. Weekly "
    "outreach shifts, SWEP in cold snaps, hostel referrals, joint visits with the police beat team, links "
    "to the substance misuse service. Monthly named-person list.",
    "HOU CS", "O", "pl", "-", "A01", 12, 1.5, 0,
    "vc:A03 A33 A48 A32 A07 A26 A34", big="none")
add("ersp", "Ending Rough Sleeping Partnership (Thornsea)",
    "Took over from the earlier CSP task group in spring 2019, in line with the government's 2018 rough "
    "sleeping strategy. Nobody should have to spend a second night out. Case-by-case review of everyone "
    "known to be sleeping out, routes off the street, and help to keep a tenancy going afterwards.",
    "HOU", "O", "pl", "-", "A01", 12, 1.5, 0,
    "", copy="streethom", delta="-A34 +A35")
add("rsi", "RSI Programme Board (MHCLG Rough Sleeping Initiative)",
    "Oversees the MHCLG Rough Sleeping Initiative grant (GBP 412k across 2018/19 and 2019/20). Funds a "
    "rough sleeper co-ordinator, two outreach workers, a navigator post, ten staging-post beds at Harbour "
    "Light and a personalisation pot. Monthly returns to MHCLG on the snapshot count and new arrivals. "
    "Target: halve the autumn count by March 2020.",
    "HOU", "E", "fu", "-", "A01", 6, 1.5, 206000,
    "ab:A01 A33 A26 A27 A32 A35 A07 A11 A28", big="std")
add("haf", "Thornsea Homeless Action Forum",
    "Churches, the night shelter, the soup run volunteers and the foodbank meet every other month so that "
    "no one has to bed down in doorways or under the pier at Thornsea. We share who we are worried about, "
    "fill gaps in the winter rota, collect sleeping bags and warm clothes, and press the council for more "
    "emergency beds.",
    "HOU COM", "O", "vo", "ua", "A48", 6, 1.5, 0,
    "A33 A34 A61 A52 A64 A63", big="few")

# child exploitation - three entries doing the same work
add("cse", "LSCB CSE and Missing Sub-Group",
    "CSE strategy and action plan; return home interviews; MACE panel oversight; missing from care data; "
    "awareness work with taxi drivers and hotels. Reports to LSCB.",
    "CYP CS", "E", "st", "-", "A03", 6, 2, 0,
    "A01 A02 A06 A07 A25 A31 A21 A20 A52", big="kids")
add("cexp", "ASCP Exploitation Group",
    "Under the new safeguarding arrangements (Working Together 2018) this group leads partnership work on "
    "children harmed outside the family home - sexual and criminal exploitation, trafficking of children, "
    "going missing, contextual safeguarding in parks, schools and on trains. Partnership exploitation "
    "profile; disruption plans.",
    "CYP CS", "E", "st", "-", "A01", 6, 2, 0,
    "", copy="cse", delta="+A15")
add("lines", "County Lines & Vulnerable Young People Group",
    "Under-18s drawn into carrying drugs between the city and Thornsea or Ashby. Spot young people at "
    "risk early, safety plans and relocations, disrupt the adults grooming them (CAWNs, NRM referrals), "
    "awareness in schools. Sub-group of Safer Ashby and Wold (CSP).",
    "CS CYP DA", "O", "pl", "-", "A03", 6, 1.5, 25000,
    "A01 A25 A52 A22 A32 A27", big="safety")

# Brexit - sub-groups of two different boards doing the same thing
add("brexit_lrf", "LRF - EU Exit Planning Cell",
    "No-deal EU exit readiness for the borough. Reasonable worst case: fuel, food and medicines supply, "
    "port delays, public order, EUSS uptake, business readiness comms. Fortnightly sitreps to MHCLG.",
    "CS ECO", "O", "pl", "-", "A01", 12, 1, 0,
    "A03 A04 A06 A02 A15 A17 A58 A59 A14", big="safety")
add("brexit_egp", "EGP T&F: Brexit Preparedness",
    "Getting local firms, public services and EU citizens living here ready for the UK leaving the "
    "European Union. Readiness sessions with the Chamber and Growth Hub, help with applying for settled "
    "status, contingency arrangements for supplies through Thornsea harbour, regular reports to Whitehall.",
    "ECO EMP", "O", "pl", "-", "A40", 6, 1.5, 0,
    "A01 A16 A41 A59 A44 A20 A11", big="place")

# ---- resilience and environment ----------------------------------------------------------
add("lrf", "Carrland Local Resilience Forum (LRF)",
    "Category 1 and 2 responders under the Civil Contingencies Act 2004. Community risk register; "
    "multi-agency plans for coastal flooding, severe weather, pandemic flu and major incidents; exercises; "
    "warning and informing the public.",
    "CS ENV H", "S", "st", "-", "A03", 4, 2.5, 45000,
    "A07 A13 A14 A15 A17 A58 A59 A61 A67", big="all")
add("flood", "Flood Risk Management Partnership",
    "Council as Lead Local Flood Authority (Flood and Water Management Act 2010). Local flood risk "
    "management strategy; s.19 investigations after the November 2019 Wold Beck flooding; ordinary "
    "watercourse consents; surface water schemes in Kelthorpe and Hawsby; property resilience grants.",
    "ENV HOU", "E", "st", "-", "A01", 4, 2, 120000,
    "A17 A18 A44 A47 A26 A19 A67", big="place")
add("coast", "Coastal Erosion and Shoreline Management Group",
    "Council as coast protection authority (Coast Protection Act 1949). Thornsea to Seddow frontage: "
    "Shoreline Management Plan (SMP2) policy review, cliff monitoring, coastal change management areas in "
    "the Local Plan, roll-back for clifftop caravan parks and homes, sea wall and groyne maintenance.",
    "ENV", "E", "st", "-", "A01", 4, 2, 250000,
    "A17 A19 A46 A59 A58 A49 A43", big="place")
add("climate", "Climate Emergency Working Group",
    "Set up after full Council declared a climate emergency in July 2019. Draws up the carbon action plan "
    "for the council's own buildings, street lights and fleet to reach net zero by 2030, and works with "
    "partners on a borough-wide route to net zero. Annual carbon report to Cabinet.",
    "ENV", "E", "pl", "-", "A01", 6, 2, 50000,
    "A17 A19 A16 A26 A20 A06 A02", big="std")
add("lowcarbon", "Wold Coast Low Carbon Forum",
    "Residents' groups, farmers, businesses and the college working to cut the area's greenhouse gas "
    "output: community energy schemes, home insulation, cycling, local food and tree planting. We lobby "
    "for faster action and help villages write their own plans to stop adding to global heating.",
    "ENV COM", "O", "vo", "ua", "A66", 6, 2, 0,
    "A36 A44 A40 A49 A47", big="few")
add("air", "Air Quality Steering Group",
    "LAQM duties: annual status report, AQMA at Ashby Market Place (NO2), air quality action plan, "
    "anti-idling outside schools, school streets pilot; links to public health. Reports to Cabinet.",
    "ENV H", "O", "st", "-", "A01", 4, 1.5, 20000,
    "A17 A38 A20 A21 A45", big="place")
add("lnp", "Carrland Local Nature Partnership",
    "Nature recovery: habitat mapping, wildlife-rich corridors along the Wold becks and clifftops, "
    "biodiversity net gain in new development, hedgerow restoration, volunteer conservation days.",
    "ENV", "S", "vo", "cio", "A49", 3, 2.5, 0,
    "A01 A19 A17 A50 A44 A18", big="none")
add("aonb", "Wold Hills AONB Joint Advisory Committee",
    "Management plan 2019-24 for the Area of Outstanding Natural Beauty: landscape character, farming and "
    "land management grants, dark skies, access and public rights of way, planning advice to the council.",
    "ENV CUL", "S", "st", "jc", "A01", 2, 2.5, 160000,
    "A50 A19 A44 A49 A47 A36 A17", big="none")
add("bathing", "Thornsea Bathing Water Quality Group", "",
    "ENV H", "O", "pl", "-", "A17", 3, 1.5, 0,
    "A01 A67 A46 A42 A43 A13", big="none")
add("beach", "Beach & Water Safety Group",
    "Drowning prevention on the Thornsea and Seddow beaches: seasonal lifeguard cover, public rescue "
    "equipment, inflatables and tombstoning off the harbour wall, cold water shock campaign, incident review.",
    "CS CUL", "O", "pl", "-", "A01", 4, 1.5, 30000,
    "A58 A59 A04 A03 A46 A43 A42 A15", big="place")

# ---- economy, transport, culture ----------------------------------------------------------
add("egp", "Ashby and Wold Economic Growth Partnership",
    "Private sector led board. Economic growth strategy 2018-2028: business investment and start-ups, the "
    "Ashby enterprise park, the visitor economy, rural diversification, better-paid jobs. Links to the "
    "LEP Strategic Economic Plan and Local Industrial Strategy.",
    "ECO EMP", "S", "pl", "-", "A40", 4, 2, 0,
    "A01 A16 A41 A20 A43 A44 A42 A11 A05", big="place")
add("esb", "Employment and Skills Board",
    "Skills plan for young people and adults: apprenticeship starts and levy transfer, adult education "
    "budget, careers hub in schools, sector skills gaps (care, hospitality, engineering, agri-food), "
    "getting people with health conditions back into work.",
    "EDU EMP", "E", "pl", "-", "A20", 4, 2, 0,
    "A01 A11 A16 A40 A21 A06 A55 A05 A41", big="place")
add("tourism", "Visit Thornsea Destination Management Partnership", "Tourism.",
    "ECO CUL", "E", "vo", "clg", "A43", 4, 2, 35000,
    "A01 A42 A46 A39 A38 A40 A59", big="place")
add("leader", "Wold Coast LEADER Local Action Group",
    "RDPE LEADER 2015-2020 (EU funded). Grants for rural businesses, farm diversification, rural tourism, "
    "village services, culture and heritage. The LAG appraises and approves projects; the council is "
    "accountable body.",
    "ECO ENV COM", "E", "fu", "ua", "A36", 6, 2.5, 380000,
    "ab:A01 A44 A47 A40 A49 A50 A43", big="none")
add("broadband", "Superfast Carrland Broadband Programme Board",
    "Phase 3 contract: fibre to the last 5% of premises, mostly Wold villages and isolated farms; voucher "
    "scheme; take-up campaigns.",
    "ECO COM", "E", "fu", "-", "A01", 4, 1.5, 900000,
    "A16 A36 A44 A47 A40 A45", big="place")
add("fhsf", "Future High Streets Fund Bid Board - Ashby",
    "Prepare and submit the Future High Streets Fund bid (MHCLG; expression of interest March 2019, full "
    "business case 2020) for Ashby town centre: repurpose the empty department store on Market Street, "
    "public realm on the Market Place, town centre living, a better bus interchange. Governance for the "
    "business case.",
    "ECO", "E", "fu", "-", "A01", 8, 2, 150000,
    "A16 A40 A41 A45 A20 A26 A37", big="place")
add("ccf", "Coastal Communities Fund - Thornsea Seafront Project Board",
    "Manages the Coastal Communities Fund round 5 award (GBP 1.4m) for the Thornsea South Promenade "
    "scheme: restore the shelters and bandstand, new seafront lighting, pop-up units for start-ups, an "
    "events programme. Jobs and visitor number outputs reported to the funder.",
    "ECO CUL", "E", "fu", "-", "A01", 8, 2, 1400000,
    "A16 A42 A43 A46 A59 A39 A40", big="place")
add("ltp", "Local Transport Plan Partnership",
    "LTP4 2019-2036: highway maintenance, bus network and concessionary fares, walking and cycling "
    "infrastructure plan (LCWIP), Ashby station access, parking.",
    "TRA ENV ECO", "S", "pl", "-", "A01", 3, 2, 0,
    "A37 A16 A40 A45 A46 A65", big="place")
add("ruraltrans", "Rural Transport Forum",
    "Getting to jobs, college and appointments from the Wold villages: community transport, the "
    "demand-responsive bus, volunteer car schemes, non-emergency hospital transport.",
    "TRA COM OP", "O", "vo", "-", "A37", 4, 1.5, 0,
    "A01 A36 A06 A20 A47 A29 A65", big="place")
add("culture", "Cultural Strategy Group",
    "Culture and heritage strategy: the Pavilion, museums and libraries, festivals (Thornsea Regatta, "
    "Ashby Folk Festival), Arts Council bids, creative industries, cultural education with schools.",
    "CUL ECO", "E", "pl", "-", "A01", 4, 2, 20000,
    "A39 A43 A20 A21 A38 A46 A45", big="place")
add("active", "Active Ashby and Wold Physical Activity Partnership",
    "Getting inactive people moving: Sport England local delivery, leisure centres, parks and the coast "
    "path, walking football, cycling, clubs, sport for disabled people.",
    "CUL H", "O", "pl", "-", "A38", 4, 1.5, 60000,
    "A01 A02 A21 A49 A65 A05", big="health")

# ---- housing, money, welfare --------------------------------------------------------------
add("housing", "Housing Strategy Partnership",
    "Housing strategy 2018-23: new homes including affordable and specialist housing, the quality of "
    "existing homes, preventing homelessness, housing for older and disabled people. Partners work "
    "together to deliver the action plan; reports to the Ashby and Wold Partnership Board.",
    "HOU", "S", "pl", "-", "A01", 4, 2, 0,
    "A26 A27 A28 A16 A29 A65 A33 A07", big="std")
add("hra", "Homelessness Reduction Act Implementation Group",
    "Getting ready for the Homelessness Reduction Act 2017 (in force 3 April 2018): prevention and relief "
    "duties for all eligible households, personal housing plans, the 56-day prevention window, the duty "
    "to refer on public authorities from October 2018, new case management system and H-CLIC returns. "
    "Reports to the Housing Strategy Partnership.",
    "HOU", "E", "st", "-", "A01", 6, 2, 95000,
    "A26 A27 A28 A11 A08 A09 A07 A25", big="std")
add("prs", "Selective Licensing & Private Rented Sector Forum (Thornsea)",
    "Selective licensing scheme for Thornsea Central and Harbour wards (2018-23): licence conditions, "
    "inspections, HMOs, landlord accreditation and training, action against rogue landlords.",
    "HOU", "O", "pl", "-", "A01", 4, 1.5, 140000,
    "A04 A03 A46 A28 A33 A27", big="safety")
add("affordable", "Affordable Housing Delivery Group",
    "RP development pipeline, Homes England bids, s106 affordable housing, rural exception sites in the "
    "Wold, shared ownership.",
    "HOU ECO", "O", "pl", "-", "A01", 4, 1.5, 0,
    "A26 A27 A36 A47 A45", big="place")
add("warmth", "Affordable Warmth Group",
    "Cutting fuel poverty and cold-related ill health: ECO flexible eligibility, warm homes grants, "
    "heating repairs, oil-heated homes in the Wold, referrals from GPs and hospital discharge teams. "
    "Winter warmth campaign.",
    "HOU H OP", "O", "pl", "-", "A01", 4, 1.5, 75000,
    "A26 A27 A29 A28 A36 A02", big="health")
add("finincl", "Financial Inclusion Partnership",
    "Access to affordable credit (credit union growth), debt advice capacity, illegal money lending team "
    "awareness, basic bank accounts, financial education in schools. Partners work together to deliver "
    "the action plan.",
    "COM EMP", "O", "pl", "-", "A53", 4, 1.5, 12000,
    "A01 A05 A28 A26 A21 A34 A03", big="place")
add("ucfs", "UC Full Service Partnership Group",
    "DWP-led. UC full service live in Ashby & Thornsea JCPs from Oct 2018. Landlord liaison (APAs), PBS "
    "and ADS delivery, HB run-on and transitional protection, foodbank referral monitoring.",
    "EMP HOU", "O", "pl", "-", "A11", 6, 1.5, 0,
    "A01 A28 A26 A27 A34 A53 A05 A29", big="place")
add("welfare", "Welfare Changes Advice Network",
    "Advice agencies, housing officers and foodbank staff helping people move onto the new single monthly "
    "benefit that replaces six older ones. We help with online claims, coping with the five-week wait for "
    "the first payment, budgeting, and getting rent paid straight to the landlord when needed.",
    "EMP COM", "O", "vo", "ua", "A28", 4, 2, 0,
    "A34 A53 A29 A48 A35 A61", big="none")

# ---- NHS system, urgent and planned care --------------------------------------------------
add("stp", "Carrland and Eastholme STP Partnership Board",
    "Sustainability and Transformation Plan footprint (3 CCGs, 2 unitaries, 1 county). Five Year Forward "
    "View delivery: closing the health and wellbeing, care and quality, and finance and efficiency gaps. "
    "Workstreams: urgent care, acute services review, mental health, prevention, digital.",
    "H", "S", "pl", "-", "A02", 6, 3, 0,
    "A01 A06 A07 A15 A14 A12 A56 A54", big="health")
add("ics", "Carrland & Eastholme Health and Care Partnership (ICS) Board",
    "Our system was confirmed as an Integrated Care System in 2020. The partnership board agrees shared "
    "priorities for the NHS, councils and voluntary sector across the footprint, oversees the system "
    "response to the NHS Long Term Plan, and is developing place-based partnerships and primary care "
    "networks.",
    "H", "S", "pl", "-", "A02", 6, 3, 0,
    "", copy="stp", delta="+A13")
add("hwb", "Health and Wellbeing Board",
    "Statutory committee (Health and Social Care Act 2012). Joint Strategic Needs Assessment, Joint Health "
    "and Wellbeing Strategy 2019-24, Pharmaceutical Needs Assessment. Partners work together to improve "
    "health and narrow the gap in life expectancy between Thornsea Central and the rest of the borough. "
    "Terms of reference reviewed annually.",
    "H OP CYP", "S", "st", "-", "A01", 4, 2.5, 0,
    "vc:A02 A07 A12 A14 A56 A10", big="health")
add("aedb", "Local A&E Delivery Board",
    "Urgent and emergency care: 4-hour standard at Ashby General, ambulance handover delays, DToC, winter "
    "plan and escalation (OPEL), NHS 111 and GP streaming at the front door, seven-day discharge. Reports "
    "to the CCG Governing Body.",
    "H", "E", "pl", "-", "A06", 12, 2, 0,
    "A02 A07 A15 A56 A14", big="health")
add("planned", "Planned Care Board",
    "Elective care: RTT 18-week performance and 52-week waits, outpatient redesign, referral management "
    "and advice and guidance, MSK and ophthalmology pathways, diagnostics (6-week standard). Reports to the "
    "CCG Governing Body.",
    "H", "E", "pl", "-", "A02", 12, 2, 0,
    "A06 A07 A56 A14 A12", big="health")
add("pccc", "CCG Primary Care Commissioning Committee",
    "Delegated commissioning of GP services: contracts, list dispersals, premises, PCN development, "
    "extended access. Meets in public.",
    "H", "E", "st", "-", "A02", 6, 2, 0,
    "A14 A12 A01 A56", big="none")
add("lms", "Local Maternity System Board (Carrland)",
    "Better Births: continuity of carer, personalised care plans, safer maternity care (stillbirth "
    "reduction), perinatal mental health, smoking in pregnancy, Maternity Voices Partnership.",
    "H CYP", "E", "pl", "-", "A06", 6, 2, 0,
    "A02 A07 A14 A12 A01", big="health")
add("eolc", "End of Life Care Partnership",
    "Palliative and end of life care: ReSPECT forms, shared palliative care records, hospice at home, "
    "dying in the preferred place, bereavement support.",
    "H OP", "E", "pl", "-", "A02", 4, 2, 0,
    "A54 A06 A07 A56 A55 A15", big="health")
add("covid_hpb", "COVID-19 Health Protection Board",
    "Local Outbreak Management Plan (June 2020) led by the Director of Public Health: test and trace, "
    "outbreak control teams for care homes, schools and workplaces, local data and surveillance, "
    "communications on testing and self-isolation. Reports to the member-led Local Outbreak Engagement Board.",
    "H", "E", "st", "-", "A01", 26, 1.5, 0,
    "A02 A13 A06 A03 A55 A21 A56 A14", big="health")
add("covid_hub", "COVID-19 Community Response Hub Steering Group",
    "Coordinating the council-run hub set up in March 2020 for people told to shield and others "
    "self-isolating: food parcels and priority supermarket slots, prescription collection, welfare calls, "
    "volunteer matching with VAAW, links with GP practices. Daily at first, now weekly.",
    "COM H OP", "O", "pl", "-", "A01", 40, 1, 220000,
    "A05 A02 A56 A29 A28 A34 A37 A45 A46", big="std")
add("mutualaid", "Ashby & Wold Mutual Aid Coordinators",
    "Volunteers from the street WhatsApp groups and village good-neighbour schemes who do shopping, pick "
    "up medicines and ring neighbours stuck indoors during lockdown. We share out requests, DBS-check "
    "drivers, and pass on anyone who needs more help.",
    "COM", "O", "vo", "ua", "A63", 26, 1, 0,
    "A36 A47 A48 A34 A52 A64", big="none")

# ---- adults, integration, care market -----------------------------------------------------
add("bcf", "BCF Programme Board",
    "Better Care Fund 2017-19 plan and pooled budget (s.75). iBCF grant, DFG, DToC metric, non-elective "
    "admissions, permanent admissions to residential care, reablement at 91 days. Quarterly NHSE returns. "
    "Reports to the Health and Wellbeing Board.",
    "H OP", "E", "fu", "-", "A01", 6, 2, 14800000,
    "vc:A02 A06 A07 A15 A30 A55", big="health")
add("jcb", "Joint Commissioning Board (Health and Adult Care)",
    "Council and CCG commissioners agree together how the shared money for community health and adult "
    "care is spent: rehab and home-from-hospital support, help to stay independent at home, aids and "
    "adaptations, care home placements. Tracks how many people are stuck in hospital waiting for support "
    "and how many move into long-term care.",
    "H OP", "S", "pl", "-", "A02", 10, 2, 0,
    "vc:A01 A07 A12 A29", big="health")
add("market", "ASC - Market Shaping Group",
    "Care Act s.5 market shaping duty. MPS refresh, fee setting (cost of care exercise), dom care capacity "
    "and hand-backs, provider failure contingency, workforce R&R with CCA.",
    "OP H", "E", "st", "-", "A01", 6, 2, 0,
    "A02 A55 A29 A30 A07", big="health")
add("sufficiency", "Care Homes and Home Care Sufficiency Group",
    "Making sure there are enough good care homes and home carers in every part of the borough, especially "
    "the Wold villages where rounds are hard to staff. Looks at what we pay providers, how to recruit and "
    "keep care workers, and what we do if a home or agency closes at short notice.",
    "OP", "O", "pl", "-", "A01", 6, 1.5, 0,
    "A02 A55 A06 A12 A20 A11", big="health")
add("provq", "Provider Quality and Concerns Group",
    "Information sharing on care providers giving cause for concern: CQC ratings and inspections, "
    "safeguarding referrals, complaints, contract monitoring visits. Agrees improvement plans, suspension "
    "of placements and escalation.",
    "OP H", "O", "pl", "-", "A01", 12, 1.5, 0,
    "A02 A55 A07 A12 A06", big="health")
add("sab", "Safeguarding Adults Board (SAB)",
    "Statutory board under the Care Act 2014 s.43. Strategic plan and annual report, Safeguarding Adults "
    "Reviews, assurance from partners on adults at risk of abuse or neglect, self-neglect and hoarding "
    "protocol, MCA/DoLS. Terms of reference reviewed annually.",
    "OP H CS", "S", "st", "-", "A01", 4, 2.5, 85000,
    "A07 A15 A08 A26 A27 A55 A12 A29", big="all")
add("carers", "Carers Strategy Group",
    "Adult carers: carers strategy 2018-22, carers' assessments under the Care Act, breaks and respite, "
    "carers emergency card, support for carers in work, involving carers in hospital discharge.",
    "OP H", "O", "pl", "-", "A30", 4, 1.5, 210000,
    "A01 A02 A06 A29 A12 A35 A11", big="health")
add("youngcarers", "Young Carers Partnership Group",
    "Children and young people under 18 who look after a family member: finding them in schools (Young "
    "Carers in Schools award), young carers' needs assessments (Children and Families Act 2014), respite "
    "activities, the move to adult carers' support at 18.",
    "CYP H", "O", "pl", "-", "A30", 4, 1.5, 45000,
    "A01 A02 A21 A22 A24 A52", big="kids")
add("lonely", "HWB sub-group: Tackling Loneliness Partnership",
    "Delivers the Ashby and Wold loneliness action plan agreed by the Health and Wellbeing Board in 2018, "
    "following the national strategy 'A connected society'. Focus on older residents in the Wold villages "
    "and on the coast, new parents, carers and bereaved people. Progress measured through the ONS loneliness "
    "questions in the residents' survey.",
    "OP H COM", "E", "pl", "-", "A01", 4, 2, 0,
    "A29 A30 A36 A37 A12 A54 A38", big="health")
add("wfriends", "Building Connections Fund Project Board - 'Wold Friends'",
    "Grant from the Building Connections Fund (DCMS / National Lottery Community Fund, 2018-2021, "
    "GBP 94,000). Runs telephone and doorstep befriending, a village lunch club network and a volunteer "
    "driver scheme so that people cut off by age, poor health or distance see a friendly face every week. "
    "Quarterly report to the funder.",
    "OP COM", "O", "fu", "-", "A36", 4, 1.5, 31000,
    "ab:A36 A29 A37 A05 A47", big="few")
add("befriend", "Befriending Providers Network",
    "Coffee morning for groups that visit or phone isolated older people. Swap volunteers, avoid two "
    "groups calling on the same person, share safeguarding worries, common referral form.",
    "OP", "O", "vo", "-", "A29", 4, 1.5, 0,
    "A61 A48 A30 A37 A62 A64", big="none")
add("dementia", "Dementia Action Alliance (Ashby & Wold)",
    "Dementia-friendly Ashby and Thornsea: Dementia Friends sessions, shops and businesses signing up, "
    "memory cafes, diagnosis rate, support after diagnosis.",
    "OP H", "O", "vo", "-", "A29", 4, 1.5, 0,
    "A01 A02 A07 A38 A40 A48", big="health")
add("falls", "Falls Prevention Group",
    "Fewer falls and fractures in the over-65s: strength and balance classes, falls response service with "
    "the ambulance trust, home hazard checks, medication reviews, fracture liaison.",
    "OP H", "O", "pl", "-", "A07", 4, 1.5, 40000,
    "A01 A02 A06 A15 A38 A29 A04", big="health")
add("ldpb", "Learning Disability Partnership Board",
    "People with learning disabilities, family carers and services: Transforming Care (fewer people in "
    "hospital settings), LeDeR reviews, annual health checks, supported living, jobs and day opportunities. "
    "Co-chaired by self-advocates.",
    "H", "E", "pl", "-", "A01", 4, 2.5, 0,
    "A02 A07 A65 A30 A06 A11 A56", big="health")
add("autism", "Adult Autism Partnership Board",
    "Adult autism strategy (Think Autism): diagnosis for adults, staff training, reasonable adjustments in "
    "services, employment, criminal justice.",
    "H EMP", "E", "pl", "-", "A01", 4, 2, 0,
    "A02 A07 A65 A11 A03 A30", big="health")
add("crisis", "Mental Health Crisis Care Concordat Group",
    "Crisis Care Concordat declaration and action plan: s.136 detentions and places of safety (no police "
    "cells), street triage car, crisis line and home treatment team, liaison psychiatry in A&E, "
    "conveyance by ambulance. Reports to the Health and Wellbeing Board.",
    "H CS", "E", "pl", "-", "A07", 6, 2, 0,
    "A02 A03 A15 A06 A01 A35 A12", big="std")
add("suicide", "Suicide Prevention Partnership",
    "Local suicide prevention plan (PHE guidance): real-time surveillance of suspected suicides with "
    "police and coroner, bereavement support, high-frequency locations (Thornsea cliffs, the railway), "
    "training for front-line staff, middle-aged men. Reports to the Health and Wellbeing Board.",
    "H CS", "E", "pl", "-", "A01", 4, 2, 30000,
    "A02 A03 A07 A35 A15 A58 A48", big="std")
add("socpres", "Social Prescribing Steering Group",
    "Roll-out of social prescribing link workers under the PCN DES (2019/20), hosted by VAAW: referral "
    "routes from GP practices, community offer directory, small grants for groups taking referrals, "
    "outcomes (WEMWBS), link worker supervision.",
    "H COM", "O", "pl", "-", "A02", 6, 1.5, 120000,
    "A05 A56 A35 A12 A38 A01", big="health")
add("weight", "Healthy Weight Alliance",
    "Whole-systems approach to obesity: childhood obesity (NCMP at Reception and Year 6), healthier food "
    "in schools and workplaces, hot food takeaway planning policy, tier 2 weight management, active travel.",
    "H CYP", "O", "pl", "-", "A01", 4, 1.5, 25000,
    "A02 A38 A21 A20 A56 A06", big="health")
add("tobacco", "Tobacco Control Alliance",
    "Smoking prevalence (routine and manual workers), smoking at time of delivery, stop smoking service, "
    "illicit tobacco (trading standards and police), smokefree hospital grounds.",
    "H", "O", "pl", "-", "A01", 4, 1.5, 180000,
    "A02 A06 A07 A03 A56", big="health")
add("sexhealth", "Sexual Health Partnership",
    "Integrated sexual health service contract, chlamydia screening 15-24, LARC access, PrEP, teenage "
    "conceptions, RSE support to schools.",
    "H CYP", "O", "pl", "-", "A01", 4, 1.5, 1300000,
    "A02 A06 A56 A20 A52 A07", big="health")

# ---- children and young people ------------------------------------------------------------
add("cypp", "Children and Young People's Partnership",
    "Children and Young People's Plan 2017-20 'Growing up in Ashby and Wold': best start in life, good "
    "schools, healthy minds, safe from harm, ready for adult life. Partners work together to deliver the "
    "plan; dashboard reported twice a year.",
    "CYP EDU H", "S", "pl", "-", "A01", 4, 2, 0,
    "A21 A20 A07 A52 A51 A25 A12", big="kids")
add("scp", "Ashby and Wold Safeguarding Children Partnership (ASCP)",
    "Replaced the LSCB from September 2019 under Working Together 2018. The three safeguarding partners "
    "(council, CCG, police) with relevant agencies: published arrangements, independent scrutiny, rapid "
    "reviews and local child safeguarding practice reviews, multi-agency training, threshold document. "
    "Terms of reference reviewed annually.",
    "CYP", "S", "st", "-", "A01", 4, 2.5, 120000,
    "A07 A21 A22 A20 A25 A15 A08 A52", big="all")
add("corppar", "Corporate Parenting Board",
    "Councillors and officers acting as good parents to children in care: the pledge, the Children in Care "
    "Council, placement sufficiency and foster carer recruitment, placement stability, education and "
    "health of looked after children.",
    "CYP", "S", "st", "-", "A01", 6, 2, 0,
    "A02 A07 A21 A20 A26 A12", big="kids")
add("cloffer", "Care Leavers Local Offer Steering Group",
    "CSWA 2017 - publish and maintain local offer; PA support to 25; Staying Put; council tax exemption "
    "for CLs 18-25; Care Leaver Covenant; EET.",
    "CYP HOU EMP", "O", "st", "-", "A01", 6, 1.5, 0,
    "A26 A27 A20 A11 A35 A52", big="kids")
add("movingon", "Moving On From Care Group",
    "Young people aged eighteen to twenty-five who grew up in the council's care told us that leaving was "
    "like falling off a cliff. This group works on a settled place to live, a college course, "
    "apprenticeship or job, help with money, and a worker to turn to until they are twenty-five.",
    "CYP HOU", "O", "pl", "-", "A01", 6, 1.5, 0,
    "A26 A27 A20 A40 A53 A52 A02", big="few")
add("lachealth", "Looked After Children Health Group",
    "Initial and review health assessments for children in care within statutory timescales; dental "
    "checks and immunisations; SDQ scores; health passports for young people leaving care.",
    "CYP H", "O", "st", "-", "A02", 6, 1.5, 0,
    "A01 A07 A06 A56 A21", big="health")
add("earlyhelp", "CYP: Early Help Strategic Group",
    "Owns the early help strategy: spotting families who are starting to struggle - with school "
    "attendance, money, crime, mental health or abuse at home - and giving the whole household one named "
    "worker and one plan before things get bad enough for social care. Builds the offer across schools, "
    "health visitors, police and voluntary groups.",
    "CYP", "E", "pl", "-", "A01", 6, 2, 0,
    "A07 A21 A22 A25 A26 A52 A28", big="kids")
add("tf", "Stronger Families Programme Board (Troubled Families Phase 2)",
    "MHCLG payment-by-results programme 2015-2020. Target 1,290 families. Attachment fees and results "
    "claims; Family Outcomes Plan; maturity model self-assessment; spot checks by internal audit; earned "
    "autonomy bid.",
    "CYP CS EMP", "E", "fu", "-", "A01", 6, 2, 1150000,
    "A11 A25 A26 A07 A21 A35", big="kids")
add("rpc", "Reducing Parental Conflict Programme Group",
    "DWP programme 2018-2021: train practitioners to spot and respond to harmful conflict between parents "
    "(where it is not domestic abuse), workforce development grant, evidence-based relationship "
    "interventions for families.",
    "CYP", "O", "fu", "-", "A01", 4, 1.5, 65000,
    "A11 A07 A21 A52 A05", big="kids")
add("earlyyears", "Early Years and Childcare Group",
    "Childcare sufficiency assessment; 30 hours free childcare for working parents of 3 and 4 year olds "
    "(from Sept 2017); take-up of the 2-year-old offer; quality of settings; school readiness (GLD).",
    "CYP EDU", "O", "st", "-", "A01", 4, 1.5, 0,
    "A07 A21 A24 A68 A05 A02", big="kids")
add("cypmh", "CYP Emotional Wellbeing & Mental Health Transformation Group",
    "Future in Mind local transformation plan: CAMHS waiting times, eating disorders, mental health "
    "support teams in schools (2019 trailblazer), online counselling, crisis support for under-18s, "
    "transition at 18.",
    "CYP H", "E", "pl", "-", "A02", 6, 2, 0,
    "A07 A01 A21 A22 A35 A52 A51", big="kids")
add("sendwsoa", "SEND Improvement Board (WSoA)",
    "Ofsted/CQC local area SEND inspection Nov 2018 -> Written Statement of Action. EHCP timeliness "
    "(20 wks), co-production, Local Offer, ASD diagnostic pathway waits, joint commissioning, PfA.",
    "CYP EDU H", "E", "st", "-", "A01", 10, 2, 0,
    "vc:A02 A07 A06 A51 A21 A22 A20 A24", big="kids")
add("addneeds", "Children with Additional Needs Partnership",
    "Brings parents and professionals together to improve support for children and young people up to 25 "
    "who have special educational needs or a disability. Priorities: getting needs assessed and written "
    "plans finished on time, making the website that lists what help is available easier to use, shorter "
    "waits for autism assessment, and a smoother move from children's to adult services.",
    "CYP EDU", "S", "pl", "-", "A01", 4, 2, 0,
    "A51 A65 A21 A23 A07 A12", big="kids")
add("schoolsforum", "Schools Forum",
    "Statutory forum (Schools Forums (England) Regulations 2012). Consulted on the local funding formula, "
    "de-delegation, the central schools services block and the high needs block budget; early years "
    "funding rates.",
    "EDU", "S", "st", "-", "A01", 5, 2, 0,
    "A21 A22 A23 A24 A20 A68", big="none")
add("standards", "Education Standards Board",
    "School improvement partnership: Ofsted outcomes, KS2 and KS4 results, attainment of disadvantaged "
    "pupils, attendance and exclusions, teacher recruitment in coastal schools.",
    "EDU CYP", "S", "pl", "-", "A01", 4, 2, 0,
    "A21 A22 A23 A24 A68 A20", big="none")
add("neet", "Post-16 Participation & NEET Group",
    "Raising the participation age duty: September Guarantee, tracking 16-17 year olds, NEET and not known "
    "figures, re-engagement provision, supported internships.",
    "EDU CYP EMP", "O", "st", "-", "A01", 6, 1.5, 0,
    "A20 A21 A22 A23 A11 A52 A25", big="kids")

# =========================================================================== the answers
GROUPS = [
    ["streethom", "ersp", "rsi", "haf"],      # street homelessness: CSP sub-group, its renamed successor,
                                              #   a time-limited grant board and a voluntary forum
    ["lonely", "wfriends", "befriend"],       # isolation of older people: HWB sub-group, fund board, providers' forum
    ["cse", "cexp", "lines"],                 # child exploitation: orphaned LSCB sub-group, its successor
                                              #   under the new arrangements, and a CSP sub-group
    ["dasg", "dvab", "survivors"],            # domestic abuse: CSP sub-group (terse), board (plain English),
                                              #   voluntary forum
    ["bcf", "jcb"],                           # pooled health/care money: fund board vs mainstream board
    ["stp", "ics"],                           # renamed successor, near-identical members
    ["sendwsoa", "addneeds"],                 # SEND: jargon vs plain English
    ["prevent", "contest"],                   # same specialist members, empty objective
    ["climate", "lowcarbon"],                 # council-led vs voluntary forum, different vocabulary
    ["brexit_lrf", "brexit_egp"],             # sub-groups of two different parents
    ["covid_hub", "mutualaid"],               # council hub vs volunteer network
    ["ucfs", "welfare"],                      # jargon vs plain English, different members
    ["tf", "earlyhelp"],                      # time-limited programme vs mainstream board
    ["market", "sufficiency"],                # terse Care Act note vs plain English
    ["cloffer", "movingon"],                  # numbers as figures vs words
    ["msp", "msht"],                          # same specialist members, one-word objective
]
HARD_NEGATIVES = [
    ["hra", "rsi"],              # statutory prevention/relief duties for all households vs street homelessness grant
    ["asb", "streethom"],        # ASB and nuisance vs people sleeping out (both Thornsea town centre, CSP)
    ["msp", "cse"],              # adult labour exploitation vs child sexual exploitation
    ["aedb", "planned"],         # urgent and emergency care vs elective waits
    ["schoolsforum", "sendwsoa"],  # school funding formula (incl. high needs block) vs SEND improvement
    ["prevent", "hate"],         # radicalisation vs hate crime and tensions
    ["flood", "coast"],          # inland flood risk (LLFA) vs coastal erosion (coast protection)
    ["climate", "air"],          # carbon / net zero vs local air pollution
    ["covid_hub", "covid_hpb"],  # shielding support vs outbreak control
    ["earlyhelp", "earlyyears"], # family support vs childcare places
    ["tf", "rpc"],               # two DWP/MHCLG family programmes with different aims
    ["market", "provq"],         # market sufficiency vs quality concerns about individual providers
    ["cloffer", "lachealth"],    # care leavers' offer vs health checks for children in care
    ["crisis", "suicide"],       # crisis response vs population suicide prevention
    ["sab", "scp"],              # adults' vs children's safeguarding
    ["fhsf", "ccf"],             # two regeneration funds for different places and schemes
    ["carers", "youngcarers"],   # adult carers vs young carers
    ["ucfs", "finincl"],         # benefit roll-out vs credit and debt
]
NOTE = ("Ashby and Wold (invented unitary council: market town, seaside resort and rural villages; "
        "register as kept c.2017-2020). Each group is a set of partnerships doing the same work, so every "
        "pair inside a group is a true duplicate pair. Hard negatives look alike - same theme, same big "
        "partners or shared wording - but do different work.")


# =========================================================================== build
def parse_members(spec):
    out = {}
    for tok in spec.split():
        role, _, oid = tok.rpartition(":")
        out[oid] = ROLE[role]
    return out


def boards():
    known = {o[0] for o in ORGANISATIONS}
    result = {}
    for e in ENTRIES:                      # first pass: boards written out in full
        if e["copy"]:
            continue
        rng = random.Random(SEED + "/board/" + e["key"])
        members = {}
        for oid, p in zip(BIG, FLAVOUR[e["big"]]):
            if rng.random() < p:
                members[oid] = "member"
        for oid, role in parse_members(e["members"]).items():
            members[oid] = role
        result[e["key"]] = members
    for e in ENTRIES:                      # second pass: boards copied from another, with small changes
        if not e["copy"]:
            continue
        members = dict(result[e["copy"]])
        for tok in e["delta"].split():
            if tok[0] == "-":
                members.pop(tok[1:], None)
            else:
                members[tok[1:]] = "member"
        for oid, role in list(members.items()):
            if role == "chair":
                members[oid] = "member"
        result[e["key"]] = members
    for e in ENTRIES:                      # the lead always chairs
        m = result[e["key"]]
        m[e["lead"]] = "chair"
        assert set(m) <= known, (e["key"], set(m) - known)
        assert 5 <= len(m) <= 18, (e["key"], len(m))
    return result


def main():
    keys = [e["key"] for e in ENTRIES]
    assert len(keys) == len(set(keys)), "duplicate key"
    shuffled = list(keys)
    random.Random(SEED + "/refs").shuffle(shuffled)
    ref = {k: "AW-%03d" % (i + 1) for i, k in enumerate(shuffled)}
    members = boards()
    rows = sorted(ENTRIES, key=lambda e: ref[e["key"]])

    with open(os.path.join(OUT, "organisations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "sector", "type"])
        w.writerows(ORGANISATIONS)

    with open(os.path.join(OUT, "partnerships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
                    "meetings_per_year", "meeting_hours", "annual_budget_gbp"])
        for e in rows:
            w.writerow([ref[e["key"]], e["title"], e["objective"],
                        ";".join(THEME[t] for t in e["themes"].split()),
                        LAYER[e["layer"]], BASIS[e["basis"]], LEGAL[e["legal"]], e["lead"],
                        e["meets"], e["hours"], e["budget"]])

    order = {"chair": 0, "vice-chair": 1, "accountable body": 2, "member": 3, "observer": 4}
    with open(os.path.join(OUT, "memberships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["partnership_ref", "org_id", "role"])
        for e in rows:
            for oid, role in sorted(members[e["key"]].items(), key=lambda kv: (order[kv[1]], kv[0])):
                w.writerow([ref[e["key"]], oid, role])

    grouped = [k for g in GROUPS for k in g]
    assert len(grouped) == len(set(grouped)) and set(grouped) <= set(keys)
    for a, b in HARD_NEGATIVES:
        assert a in ref and b in ref
        assert not any(a in g and b in g for g in GROUPS)
    truth = {"groups": [sorted(ref[k] for k in g) for g in GROUPS],
             "hard_negatives": [sorted([ref[a], ref[b]]) for a, b in HARD_NEGATIVES],
             "note": NOTE}
    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
