#!/usr/bin/env python3
"""Write the Fernley test register: organisations.csv, partnerships.csv, memberships.csv, truth.json.

Standard library only. All wording is data in this file and the output is the same every run:

    python3 make.py            # writes the four files next to this script
    python3 make.py OUTDIR     # writes them to OUTDIR instead

Fernley is a fictional district (Fernley District Council) in the fictional two-tier county of
Ambershire, around 2022-2025. Everything in it is made up.
"""
import csv
import hashlib
import json
import os
import sys

# --------------------------------------------------------------------------------------------
# Organisations: id, name, sector, type
# --------------------------------------------------------------------------------------------
ORGS = [
    ("FDC", "Fernley District Council", "public", "district council"),
    ("ACC", "Ambershire County Council", "public", "county council"),
    ("ICB", "NHS Ambershire and Wexham Integrated Care Board", "public", "integrated care board"),
    ("AWH", "Ambershire and Wexham Hospitals NHS Foundation Trust", "public", "NHS acute trust"),
    ("ACM", "Ambershire Community and Mental Health NHS Trust", "public", "NHS community and mental health trust"),
    ("POL", "Ambershire Police", "public", "police force"),
    ("PCC", "Office of the Ambershire Police and Crime Commissioner", "public", "police and crime commissioner"),
    ("AFR", "Ambershire Fire and Rescue Service", "public", "fire and rescue service"),
    ("DWP", "Department for Work and Pensions (Jobcentre Plus Fernley)", "public", "government department"),
    ("PRB", "Probation Service - Ambershire Probation Delivery Unit", "public", "probation service"),
    ("HO", "Home Office", "public", "government department"),
    ("EA", "Environment Agency", "public", "non-departmental public body"),
    ("NE", "Natural England", "public", "non-departmental public body"),
    ("WBC", "Wexham Borough Council", "public", "unitary council"),
    ("OTC", "Oakhurst Town Council", "public", "town council"),
    ("STC", "Stanby Town Council", "public", "town council"),
    ("WGP", "Wickham Green Parish Council", "public", "parish council"),
    ("CHP", "Coldhurst Parish Council", "public", "parish council"),
    ("FCO", "Fernley College", "public", "further education college"),
    ("UOA", "University of Ambershire", "public", "university"),
    ("AGB", "Ambershire Growth Board", "public", "growth board (former local enterprise partnership)"),
    ("PN1", "Fernley Town Primary Care Network", "public", "primary care network"),
    ("PN2", "Oakhurst, Stanby and Villages Primary Care Network", "public", "primary care network"),
    ("FVA", "Fern Valley Academy Trust", "public", "multi-academy trust"),
    ("HTF", "Fernley Headteachers' Forum", "public", "schools association"),
    ("CVS", "Fernley CVS", "voluntary", "council for voluntary service"),
    ("FHA", "Fernvale Homes", "voluntary", "housing association"),
    ("AHG", "Amber Housing Group", "voluntary", "housing association"),
    ("CAF", "Citizens Advice Fernley", "voluntary", "advice charity"),
    ("AGE", "Age UK Ambershire", "voluntary", "older people's charity"),
    ("MIN", "Mind in Ambershire", "voluntary", "mental health charity"),
    ("HWA", "Healthwatch Ambershire", "voluntary", "local Healthwatch"),
    ("AWA", "Amber Women's Aid", "voluntary", "domestic abuse charity"),
    ("PTH", "Pathways Ambershire", "voluntary", "drug and alcohol treatment charity"),
    ("AWT", "Ambershire Wildlife Trust", "voluntary", "wildlife trust"),
    ("FVR", "Fern Valley Rivers Trust", "voluntary", "rivers trust"),
    ("ACT", "Active Ambershire", "voluntary", "active partnership"),
    ("FLT", "Fernley Leisure Trust", "voluntary", "leisure trust"),
    ("YMC", "YMCA Ambershire", "voluntary", "youth charity"),
    ("ARW", "Ambershire Refugee Welcome", "voluntary", "refugee charity"),
    ("ODF", "Open Door Fernley", "voluntary", "homelessness charity"),
    ("ACR", "Ambershire Carers Centre", "voluntary", "carers' charity"),
    ("ACF", "Ambershire Community Foundation", "voluntary", "community foundation"),
    ("HSU", "Home-Start Fernley", "voluntary", "family support charity"),
    ("FFB", "Fernley Foodbank", "voluntary", "food bank"),
    ("MAL", "The Maltings Arts Centre", "voluntary", "arts charity"),
    ("AAL", "Ambershire Association of Local Councils", "voluntary", "association of town and parish councils"),
    ("DIO", "Diocese of Ambershire Board of Education", "voluntary", "diocesan board of education"),
    ("CTF", "Churches Together in Fernley", "community", "faith network"),
    ("FIC", "Fernley Islamic Centre", "community", "mosque"),
    ("SCP", "Stanby Community Pantry", "community", "community pantry"),
    ("FMS", "Fernley Men's Shed", "community", "men's shed"),
    ("SCA", "Stanby Community Association", "community", "community association"),
    ("OHS", "Oakhurst Heritage Society", "community", "heritage society"),
    ("FVC", "Fern Valley Community Transport", "community", "community transport scheme"),
    ("DAC", "Digital Amber CIC", "community", "community interest company"),
    ("TFE", "Transition Fernley", "community", "community climate group"),
    ("PCF", "Ambershire Parent Carer Forum", "community", "parent carer forum"),
    ("UKC", "Fernley Ukrainian Community Association", "community", "community group"),
    ("CHB", "Fernley and District Chamber of Commerce", "private", "chamber of commerce"),
    ("BID", "Fernley First BID Ltd", "private", "business improvement district company"),
    ("FSB", "Federation of Small Businesses Ambershire", "private", "business membership organisation"),
    ("OCT", "Oakhurst Chamber of Trade", "private", "traders' association"),
    ("ABU", "Amber Buses Ltd", "private", "bus operator"),
    ("AWC", "Ambershire Water", "private", "water company"),
    ("HHL", "Hollins Homes Ltd", "private", "housebuilder"),
    ("NFU", "NFU Ambershire", "private", "farmers' union"),
    ("SAS", "Sentinel Accommodation Services Ltd", "private", "asylum accommodation contractor"),
]

# --------------------------------------------------------------------------------------------
# Corporate boilerplate that many entries share, as an officer pasting from the template would.
# --------------------------------------------------------------------------------------------
def BPA(x):
    return (f"To provide strategic oversight and assurance of {x} in line with the Council Plan "
            f"2022-2026 priorities, working collaboratively with partners to deliver better outcomes for residents.")


def BPA2(x):
    return (f"To provide strategic oversight and assurance of {x}, in line with Council Plan 2022-2026 "
            f"priorities, and to work collaboratively with partners to deliver better outcomes for Fernley residents.")


def BPB(x):
    return (f"The partnership brings together statutory, voluntary and community sector partners to {x}, "
            f"aligned to the Council Plan 2022-2026 priorities of Thriving Communities, a Green Fernley and a Growing Economy.")


BPC = ("Working collaboratively across the Ambershire and Wexham system to reduce health inequalities and "
       "deliver better outcomes for residents, in line with the Joint Local Health and Wellbeing Strategy 2022-2027.")

BPD = ("To deliver the Council Plan 2022-2026 priority of safe, healthy and resilient communities through "
       "effective partnership working, the sharing of data and intelligence, and joint commissioning where appropriate.")


def BPS(x):
    return (f"To seek assurance that local safeguarding arrangements for {x} are effective, that partner agencies "
            f"work together to protect people from abuse and neglect, and that learning from reviews is embedded in practice.")


# --------------------------------------------------------------------------------------------
# Partnerships.
# key, title, objective, themes, layer, basis, legal_status, lead, members, meetings/yr, hours, budget
# members: space-separated org ids; the lead is added as chair. Prefix * vice-chair, $ accountable
# body, ? observer; no prefix = member.
# --------------------------------------------------------------------------------------------
P = []


def add(key, title, objective, themes, layer, basis, legal, lead, members, mpy, hours, budget):
    P.append(dict(key=key, title=title, objective=objective, themes=themes, layer=layer, basis=basis,
                  legal=legal, lead=lead, members=members, mpy=mpy, hours=hours, budget=budget))


# ---- strategic and place ------------------------------------------------------------------
add("fp", "Fernley Partnership Board",
    BPA("the Fernley Partnership's shared priorities") + " The Board is the senior partnership for the district: it "
    "agrees the Fernley Community Plan 2023-2028 and receives annual reports from the thematic partnerships.",
    "community;economy and regeneration;health", "strategic", "voluntary", "none", "FDC",
    "*ACC ICB POL CVS AFR OTC STC CHB FCO FHA DWP AGB UOA AAL", 4, 2.0, 15000)

add("hwb", "Ambershire Health and Wellbeing Board",
    "Statutory board under the Health and Social Care Act 2012. Leads the Joint Strategic Needs Assessment and the "
    "Joint Local Health and Wellbeing Strategy 2022-2027; signs off the Better Care Fund plan and the Pharmaceutical "
    "Needs Assessment.",
    "health", "strategic", "statutory", "none", "ACC",
    "*ICB FDC WBC AWH ACM HWA CVS POL AFR", 5, 2.5, 0)

add("fhwp", "Fernley Health and Wellbeing Partnership",
    BPC + " District delivery group for prevention and the wider determinants of health: physical activity, "
    "healthy weight, housing and health, and closing the gap in healthy life expectancy between Fernley North "
    "and the rest of the district.",
    "health", "strategic", "plan", "none", "FDC",
    "*ACC ICB ACM CVS FLT ACT FHA AHG HWA PN1 PN2 POL", 4, 2.0, 40000)

add("icp", "Ambershire and Wexham Integrated Care Partnership",
    "Statutory joint committee of the ICB and the two upper-tier councils under the Health and Care Act 2022. "
    "Agrees the Integrated Care Strategy and holds the system to account for it.",
    "health", "strategic", "statutory", "joint committee", "ICB",
    "*ACC WBC FDC AWH ACM HWA CVS UOA POL", 4, 3.0, 0)

add("place_old", "Fernley Locality Health and Care Partnership",
    "Joins up GP practices, community nursing, mental health, adult social care and the voluntary sector in "
    "Fernley, Oakhurst and Stanby so people get coordinated care closer to home and fewer avoidable hospital "
    "admissions. Oversees the locality share of the Better Care Fund.",
    "health;older people", "executive", "plan", "none", "ICB",
    "*ACC FDC AWH ACM PN1 PN2 CVS AGE HWA ACR", 10, 2.0, 0)

add("place_new", "Fernley Place Partnership",
    BPC + " Place-based partnership for Fernley under the ICS operating model: integrated neighbourhood teams, "
    "anticipatory care for people living with frailty, urgent community response and discharge to assess.",
    "health;older people", "executive", "plan", "none", "ICB",
    "*ACC FDC AWH ACM PN1 PN2 CVS AGE HWA ACR", 10, 2.0, 250000)

add("csp", "Fernley Community Safety Partnership",
    BPD + " Statutory CSP for the district under the Crime and Disorder Act 1998. Produces the annual strategic "
    "assessment and the Community Safety Plan 2023-26 (priorities: ASB, VAWG, serious violence, drug-related harm, rural crime).",
    "community safety", "strategic", "statutory", "none", "FDC",
    "*POL ACC PCC AFR PRB ICB CVS FHA AHG OTC STC", 4, 2.0, 65000)

add("dhr", "Domestic Abuse Related Death Review Panel",
    "Standing panel of the CSP. Decides whether a death meets the criteria for a review (formerly Domestic "
    "Homicide Reviews), appoints the independent chair, quality-assures reports before they go to the Home Office "
    "and tracks the action plans to completion.",
    "community safety", "executive", "statutory", "none", "FDC",
    "*POL ACC PCC AFR PRB ICB CVS FHA AHG OTC STC", 3, 2.0, 30000)

add("lrf", "Ambershire Local Resilience Forum",
    "Civil Contingencies Act 2004. Community risk register, multi-agency emergency plans, exercises.",
    "community safety;health", "strategic", "statutory", "none", "POL",
    "*AFR ACC FDC WBC ICB AWH ACM EA AWC", 3, 3.0, 120000)

add("pcp", "Ambershire Police and Crime Panel",
    "Statutory scrutiny of the PCC.",
    "community safety", "strategic", "statutory", "joint committee", "ACC",
    "*FDC WBC ?PCC ?POL", 5, 2.5, 70000)

add("growth", "Ambershire Growth Board",
    "Business-led board, formerly the Ambershire LEP, brought into the county council in April 2024 after the "
    "government ended core LEP funding. Sets the county economic strategy, runs the Growth Hub and manages the "
    "Local Growth Fund legacy programme and the business rates pool.",
    "economy and regeneration", "strategic", "plan", "none", "AGB",
    "*ACC FDC WBC UOA FCO CHB FSB BID ?DWP", 6, 2.5, 900000)

add("econ", "Fernley Economic Partnership",
    BPA("economic growth and regeneration in Fernley") + " Oversees the Fernley Economic Strategy 2023-2028: inward "
    "investment, business support, employment land and the visitor economy.",
    "economy and regeneration", "strategic", "plan", "none", "FDC",
    "*CHB ACC AGB FSB BID FCO UOA OTC STC CVS", 4, 2.0, 30000)

add("ukspf_lpg", "UKSPF Local Partnership Group",
    "Required by DLUHC for the UK Shared Prosperity Fund 2022-2025. Advises the council as lead local authority "
    "on the Fernley investment plan (£2.6m) across the Communities and Place, Supporting Local Business and "
    "People and Skills priorities, and on the Rural England Prosperity Fund top-up. Reviews project pipeline and "
    "spend against the profile.",
    "economy and regeneration;community", "executive", "funding", "none", "FDC",
    "*AGB ACC CHB CVS FCO DWP OTC STC NFU BID", 4, 2.0, 2600000)

add("ukspf_ps", "UKSPF People and Skills Working Group",
    "Commissions and monitors the People and Skills interventions: keyworker support for economically inactive "
    "residents, Multiply adult numeracy, and routes back to work for people with a health condition or disability. "
    "Reports to the UKSPF Local Partnership Group.",
    "employment;education and skills", "operational", "funding", "none", "FDC",
    "*FCO DWP ACC CVS MIN YMC", 6, 1.5, 640000)

add("esp", "Fernley Employment and Skills Partnership",
    BPB("help more Fernley people into jobs and learning") + " Joins up Jobcentre Plus, the college, adult "
    "learning and employment charities to move unemployed and inactive residents, including over-50s and those "
    "with long-term health conditions, into sustained work and training.",
    "employment;education and skills", "executive", "plan", "none", "FDC",
    "*DWP ACC FCO CVS CHB FHA AHG ACM FSB", 4, 2.0, 20000)

add("lsip", "Ambershire Local Skills Improvement Plan (LSIP) Steering Group",
    "Employer-led under the Skills Act 2022; the Chamber is the designated employer representative body. "
    "Identifies the technical skills Ambershire employers need over the next five years and agrees changes to "
    "the post-16 offer with colleges and training providers.",
    "education and skills;economy and regeneration", "executive", "statutory", "none", "CHB",
    "*FCO UOA ACC AGB FSB DWP FDC", 4, 2.0, 0)

add("tcp", "Fernley Town Centre Partnership",
    BPA("the regeneration of Fernley town centre") + " Delivers the Town Centre Masterplan: redevelopment of the "
    "Riverside car park site, the Levelling Up Fund scheme for the Market Place, and bringing empty shop units back into use.",
    "economy and regeneration", "executive", "plan", "none", "FDC",
    "*BID ACC CHB POL MAL FSB CVS", 6, 2.0, 45000)

add("bid", "Fernley First BID Board",
    "Board of directors of Fernley First BID Ltd. Spends the BID levy for the 2023-2028 term on the business "
    "plan: Clean and Safe rangers, marketing and events, footfall counting and cutting costs for levy payers.",
    "economy and regeneration", "executive", "funding", "company limited by guarantee", "BID",
    "*CHB FDC POL FSB MAL", 6, 1.5, 310000)

add("oak_tt", "Oakhurst Town Team",
    "Local traders, the town council and residents working together to bring more people into Oakhurst: the "
    "Saturday market, Christmas lights switch-on, planters and the heritage trail leaflet.",
    "economy and regeneration;community", "operational", "voluntary", "unincorporated association", "OTC",
    "*OCT FDC OHS CVS ACC POL", 10, 1.5, 8000)

add("stan_tt", "Stanby Town Team",
    "Stanby Town Council and local partners delivering the Stanby Place Plan: improvements to the Market Square, "
    "filling the empty units on Station Road, and a better bus link to Fernley.",
    "economy and regeneration;community", "operational", "voluntary", "none", "STC",
    "*SCA FDC ACC CHB CVS ABU POL", 6, 1.5, 12000)

add("oak_haz", "Oakhurst High Street Heritage Action Zone Board",
    "Historic England programme 2020-2024. Shopfront and building repair grants in the Oakhurst conservation area, "
    "the cultural programme and the conservation area appraisal. Closing report due.",
    "economy and regeneration;culture and leisure", "executive", "funding", "none", "FDC",
    "*OTC OHS OCT ACC MAL", 4, 2.0, 1100000)

add("visit", "Visit Fern Valley",
    BPB("grow the visitor economy of the Fern Valley") + " Destination marketing, the visitor guide and website, "
    "and joint bids for events funding.",
    "culture and leisure;economy and regeneration", "operational", "voluntary", "community interest company", "CHB",
    "*FDC OTC STC BID MAL OHS FLT", 4, 1.5, 35000)

add("rural", "Fernley Rural Partnership",
    BPB("keep Fernley's villages and rural economy thriving") + " Parish councils, farmers and rural businesses; "
    "advises on the rural grants scheme (REPF), village halls, and services in villages without a shop or a bus.",
    "economy and regeneration;community", "executive", "voluntary", "none", "FDC",
    "*NFU WGP CHP AAL CVS ACC POL", 3, 2.0, 5000)

add("gigabit", "Digital Connectivity Board",
    "Project Gigabit and Shared Rural Network rollout across Ambershire: mobile not-spots, voucher schemes for "
    "hard-to-reach premises, and ducting in new developments.",
    "economy and regeneration", "executive", "plan", "none", "ACC",
    "*FDC AGB NFU AAL CHB WBC", 4, 1.5, 0)

add("dig_inc", "Digital Inclusion Steering Group",
    BPA("digital inclusion activity across the district") + " Aim: fewer residents without a device, data or the "
    "skills to use them; library device loan scheme, data bank and the Digital Champions programme.",
    "community;education and skills", "executive", "plan", "none", "ACC",
    "*FDC ICB DWP CVS FCO AHG FHA", 4, 1.5, 25000)

add("get_online", "Get Fernley Online",
    "We are volunteers and local groups who help people get online. We run drop-in help in the library, "
    "community centres and at the foodbank, give out free SIM cards and refurbished laptops, and sit with people "
    "who have never used the internet until they can book a doctor's appointment or sort out their Universal Credit "
    "journal on their own.",
    "community", "operational", "voluntary", "unincorporated association", "DAC",
    "*CVS AGE FFB CTF FMS SCA", 6, 1.5, 9000)

add("enh_bus", "Ambershire Enhanced Partnership for Buses",
    "Statutory enhanced partnership (Bus Services Act 2017) delivering the Bus Service Improvement Plan: bus "
    "priority, fares caps, timetable standards and real-time information.",
    "transport", "strategic", "statutory", "none", "ACC",
    "*ABU FDC WBC FVC OTC STC", 4, 2.0, 3400000)

add("ct_forum", "Fern Valley Community Transport Forum",
    "Dial-a-ride, the village minibus and volunteer car schemes; driver recruitment and sharing vehicles.",
    "transport;older people", "operational", "voluntary", "unincorporated association", "FVC",
    "*ACC FDC AGE WGP CHP CVS", 4, 1.5, 0)

add("lcwip", "Fernley LCWIP Working Group",
    "Local Cycling and Walking Infrastructure Plan for Fernley, Oakhurst and Stanby: priority routes, bids to "
    "Active Travel England, school streets.",
    "transport;environment", "operational", "plan", "none", "ACC",
    "*FDC OTC STC ACT ICB TFE CVS", 6, 1.5, 0)

add("road_safety", "Ambershire Road Safety Partnership",
    "",
    "transport;community safety", "executive", "voluntary", "none", "ACC",
    "*POL AFR FDC WBC ICB PCC", 4, 2.0, 180000)

# ---- environment -------------------------------------------------------------------------
add("climate", "Fernley Climate Emergency Partnership",
    BPA("the district's response to the climate emergency") + " Coordinates action by public bodies, businesses "
    "and community organisations to reduce carbon emissions across Fernley to net zero by 2040 and to adapt to "
    "a changing climate.",
    "environment", "strategic", "plan", "none", "FDC",
    "*ACC ICB FCO UOA AHG FHA CHB AWC CVS", 4, 2.0, 60000)

add("sust_net", "Sustainable Fernley Network",
    "Community climate groups, churches, schools and small firms sharing ideas and running projects to get the "
    "district's greenhouse gas output down: community solar on roofs, repair cafés, a car club, and getting towns "
    "and villages ready for heatwaves and flooding. Open to anyone.",
    "environment;community", "operational", "voluntary", "unincorporated association", "TFE",
    "*CTF FMS SCA CHB FSB MAL FVA", 6, 2.0, 3000)

add("warm_homes", "Fernley Warm Homes Partnership",
    BPB("make sure residents can afford to keep their homes warm") + " Home Upgrade Grant, ECO4 Flex and the "
    "Warm Homes: Local Grant: insulation and heat pumps for the worst-performing private homes, with GP referrals "
    "for people whose health is made worse by the cold.",
    "housing;environment;health", "executive", "funding", "none", "FDC",
    "*ACC ICB AGE CAF FHA AHG CVS", 4, 1.5, 1800000)

add("warm_sp", "Fernley Warm Spaces Network",
    BPB("make sure residents have somewhere warm, free and welcoming to go in the winter months") + " Coordinates "
    "libraries, churches, community centres and cafés offering a warm space from November to March, with small "
    "grants, a shared directory and signposting to advice.",
    "community;older people", "operational", "plan", "none", "FDC",
    "*CVS ACC CTF FIC SCA AGE FFB", 6, 1.0, 40000)

add("warm_hubs", "Warm Hubs 2023/24",
    "Warm spaces.",
    "community", "operational", "plan", "none", "FDC",
    "*CVS ACC CTF FIC SCA AGE FFB", 6, 1.0, 0)

add("lnrs", "Ambershire LNRS Steering Group",
    BPA2("the preparation of the Ambershire Local Nature Recovery Strategy") + " The county council is the "
    "responsible authority under the Environment Act 2021; the group agrees the statement of biodiversity "
    "priorities and the local habitat map, runs the landowner engagement and publishes the strategy in 2025.",
    "environment", "executive", "statutory", "none", "ACC",
    "*NE FDC WBC EA AWT NFU FVR AWC", 6, 2.0, 95000)

add("lnp", "Ambershire Local Nature Partnership",
    "Champions the natural environment across Ambershire: natural capital investment, access to green and blue "
    "space, and the health benefits of nature.",
    "environment", "strategic", "voluntary", "none", "AWT",
    "*ACC FDC WBC NE EA NFU UOA AWC FVR ICB", 3, 2.5, 20000)

add("lnp_map", "LNP Nature Recovery Mapping Working Group",
    "Sub-group of the Local Nature Partnership. Working out where in the county wildlife habitat should be "
    "restored or created and which species matter most, and drawing up the opportunity map and list of potential "
    "measures for the county's statutory plan for nature.",
    "environment", "operational", "voluntary", "none", "AWT",
    "*UOA NE FVR AWC ACC", 8, 2.0, 0)

add("bng", "Biodiversity Net Gain Officers Group",
    BPA2("biodiversity net gain in the planning system") + " Planning ecologists sharing practice on mandatory 10% "
    "BNG since February 2024: metric checks, off-site habitat banks, legal agreements and 30-year monitoring.",
    "environment", "operational", "statutory", "none", "FDC",
    "*ACC WBC NE AWT HHL", 6, 1.5, 0)

add("flood", "Fern Valley Flood Action Group",
    "Village flood wardens in Coldhurst, Wickham Green and along the Fern. We keep the sandbag stores, check "
    "culverts and grids after heavy rain, and chase the Environment Agency and the county about drainage.",
    "environment;community", "operational", "voluntary", "unincorporated association", "CHP",
    "*WGP EA ACC FDC FVR AWC", 4, 2.0, 2500)

add("air", "Fernley Air Quality Steering Group",
    BPA2("the Air Quality Action Plan for the Oakhurst Road AQMA") + " Anti-idling, school streets, bus fleet "
    "upgrades and monitoring.",
    "environment;health;transport", "operational", "statutory", "none", "FDC",
    "*ACC ICB OTC ABU TFE", 3, 1.5, 15000)

add("waste", "Ambershire Resources and Waste Partnership",
    "Joint committee of the waste collection and disposal authorities. Joint municipal waste strategy, "
    "Simpler Recycling and food waste collections from 2026.",
    "environment", "strategic", "statutory", "joint committee", "ACC",
    "*FDC WBC ?EA AAL", 4, 2.0, 0)

add("catchment", "Fern Valley Catchment Partnership",
    "Catchment Based Approach partnership for the River Fern: river water quality, storm overflows, farm run-off "
    "and restoring chalk stream habitat.",
    "environment", "executive", "voluntary", "none", "FVR",
    "*EA AWC NE NFU AWT FDC ACC", 4, 2.0, 85000)

# ---- housing -------------------------------------------------------------------------------
add("hless", "Fernley Homelessness Forum",
    BPA("homelessness and rough sleeping services") + " Oversees the Homelessness and Rough Sleeping Strategy "
    "2023-2028: earlier prevention under the Homelessness Reduction Act duties, less use of bed and breakfast, "
    "and planned moves for people leaving hospital, prison and care.",
    "housing", "executive", "statutory", "none", "FDC",
    "*FHA ACC AHG ODF CAF PRB ACM ICB POL MIN YMC CVS", 4, 2.0, 0)

add("hless_b", "Homelessness Prevention Partners",
    "",
    "housing", "operational", "plan", "none", "FDC",
    "*FHA ACC AHG ODF CAF PRB ACM ICB POL MIN YMC CVS", 4, 2.0, 0)

add("aff_housing", "Fernley Affordable Housing Delivery Group",
    BPA("affordable housing delivery") + " Local Plan target of 200 affordable homes a year: scheme pipeline, "
    "Homes England grant, rural exception sites and First Homes.",
    "housing", "executive", "plan", "none", "FDC",
    "*FHA AHG HHL ACC WGP", 4, 1.5, 0)

add("dfg", "Home Adaptations and DFG Group",
    BPA2("disabled facilities grants and home adaptations") + " Waiting times, the fast-track for hospital "
    "discharge, and the Better Care Fund allocation.",
    "housing;older people;health", "operational", "funding", "none", "FDC",
    "*ACC ICB ACM AGE FHA AHG CVS", 6, 1.5, 1200000)

add("garden", "Brackley Fields Garden Village Delivery Board",
    BPA2("the delivery of the Brackley Fields garden village") + " 3,000 homes north of Fernley: infrastructure "
    "phasing, the primary school and health centre, and the local centre.",
    "housing;economy and regeneration", "executive", "plan", "none", "FDC",
    "*ACC ICB HHL AGB EA FHA", 6, 2.0, 150000)

add("infra", "Fernley Infrastructure Funding Group",
    "CIL and section 106. Agrees the Infrastructure Funding Statement and the spending of developer contributions "
    "with the county and town and parish councils.",
    "economy and regeneration;housing", "executive", "statutory", "none", "FDC",
    "*ACC ICB OTC STC WGP CHP", 3, 2.0, 4300000)

# ---- community safety ----------------------------------------------------------------------
add("sv", "Ambershire Serious Violence Duty Partnership",
    "The specified authorities under the Police, Crime, Sentencing and Courts Act 2022 (police, councils, fire, "
    "health, probation and youth justice) working together to publish a strategic needs assessment and a county "
    "response strategy to prevent and reduce serious violence. Convened by the PCC.",
    "community safety", "strategic", "statutory", "none", "PCC",
    "*POL ACC FDC WBC AFR ICB PRB CVS", 4, 2.0, 410000)

add("csp_viol", "CSP Violence Reduction Sub-Group",
    "Reports to the Fernley CSP. Understanding why knife crime, robbery and assaults with injury happen here, "
    "agreeing a local plan to stop them, and making sure the new legal duty on councils, police, NHS and others "
    "to tackle this together is being met in Fernley.",
    "community safety;children and young people", "operational", "statutory", "none", "POL",
    "*FDC ACC AFR YMC ICB FCO CVS", 6, 1.5, 0)

add("yjb", "Ambershire Youth Justice Management Board",
    "Oversees the Youth Justice Service (Crime and Disorder Act 1998 s39): first-time entrants, reoffending and "
    "use of custody; signs off the annual Youth Justice Plan.",
    "community safety;children and young people", "strategic", "statutory", "none", "ACC",
    "*POL PRB ICB PCC FDC FVA", 4, 2.0, 0)

add("marac", "Fernley MARAC",
    "Fortnightly multi-agency risk assessment conference for high-risk domestic abuse victims; a safety plan for each case.",
    "community safety", "operational", "statutory", "none", "POL",
    "*AWA FDC ACC ACM AWH FHA AHG PRB", 24, 3.0, 0)

add("dalpb", "Ambershire Domestic Abuse Local Partnership Board",
    "Statutory board under Part 4 of the Domestic Abuse Act 2021. Needs assessment and strategy for support in "
    "refuges and other safe accommodation; advises the council on the new burdens grant.",
    "community safety;housing", "strategic", "statutory", "none", "ACC",
    "*PCC FDC WBC POL AWA FHA ICB", 4, 2.0, 1500000)

add("vawg", "VAWG Delivery Group",
    BPD + " Sub-group of the CSP delivering the Violence Against Women and Girls priority: awareness campaigns, "
    "frontline training, White Ribbon accreditation and clear referral routes into specialist services.",
    "community safety", "operational", "plan", "none", "FDC",
    "*POL AWA ACC ICB CVS FHA", 6, 1.5, 18000)

add("da_forum", "Fernley Domestic Abuse and Sexual Violence Forum",
    "An open forum for people who work with survivors: refuge workers, IDVAs, counsellors, faith and community "
    "groups and surgery leads. We raise awareness of domestic and sexual abuse, train each other's staff and "
    "volunteers, and make sure survivors get to the right help quickly.",
    "community safety;health", "operational", "voluntary", "unincorporated association", "AWA",
    "*CTF FIC HSU MIN PN1 CAF CVS", 4, 2.0, 0)

add("asb", "ASB Case Review Panel",
    "Community trigger.",
    "community safety", "operational", "statutory", "none", "FDC",
    "*POL FHA AHG ACC ACM", 6, 1.5, 0)

add("jag", "Fernley Joint Action Group",
    BPD + " Monthly problem-solving meeting: ASB hotspots, fly-tipping, off-road bikes and nuisance, with actions "
    "tasked to partners.",
    "community safety", "operational", "plan", "none", "POL",
    "*FDC FHA AHG AFR ACC YMC OTC STC CVS", 12, 1.5, 0)

add("channel", "Ambershire Channel Panel",
    "Statutory (Prevent duty). Case panel - confidential.",
    "community safety", "operational", "statutory", "none", "ACC",
    "*POL FDC ICB PRB FCO", 12, 1.5, 0)

add("cohesion", "Fernley Hate Crime and Community Cohesion Forum",
    BPD + " Third-party reporting centres, hate crime awareness week, tension monitoring.",
    "community safety;community", "operational", "plan", "none", "FDC",
    "*POL FIC CTF ARW CVS UKC", 4, 1.5, 4000)

add("faith", "Fernley Faith Forum",
    "Leaders from the churches, the mosque and other faith communities meeting to build friendships, mark "
    "Interfaith Week and speak together after national events.",
    "community", "operational", "voluntary", "unincorporated association", "CTF",
    "*FIC DIO FDC CVS ARW", 4, 1.5, 0)

add("nte", "Fernley Night-Time Economy Partnership",
    "Purple Flag accreditation, Pubwatch, Ask for Angela, street pastors and the Safe Space on Friday and "
    "Saturday nights.",
    "community safety;economy and regeneration", "operational", "voluntary", "none", "BID",
    "*POL FDC CHB CTF PCC", 6, 1.5, 22000)

add("reoff", "Ambershire Reducing Reoffending Board",
    "Accommodation, employment and treatment for people on probation and leaving prison.",
    "community safety", "strategic", "plan", "none", "PRB",
    "*POL PCC ACC FDC DWP PTH FHA ODF CVS", 4, 2.0, 0)

# ---- drugs and alcohol -----------------------------------------------------------------------
add("cdp", "Ambershire Combating Drugs Partnership",
    "CDP set up in 2022. Senior responsible owner: DPH. Joint needs assessment, local drugs strategy, "
    "accountable to the JCDU for the National Combating Drugs Outcomes Framework.",
    "drugs and alcohol;community safety;health", "strategic", "plan", "none", "ACC",
    "*POL PCC ICB PRB PTH FDC WBC DWP ACM CVS", 4, 2.0, 0)

add("h2h", "From Harm to Hope Local Delivery Board",
    "Delivers the three strategic priorities of the ten-year plan locally: break supply chains, a world-class "
    "treatment and recovery system, and a generational shift in demand. Oversees the supplemental substance "
    "misuse treatment and recovery grant.",
    "drugs and alcohol", "executive", "funding", "none", "ACC",
    "*POL PTH ICB PRB PCC DWP FDC ACM FHA CVS", 6, 2.0, 2100000)

add("dasg", "Drug and Alcohol Strategic Group",
    "HWB sub-group. Cutting the harm that drugs and alcohol do across Ambershire: getting more people into "
    "treatment and keeping them in recovery, fewer drug-related deaths, and going after the dealers and county "
    "lines that bring drugs into our towns.",
    "drugs and alcohol;health", "executive", "plan", "none", "ACC",
    "*PTH ICB AWH ACM POL MIN HWA CVS", 4, 2.0, 0)

add("tobacco", "Smokefree Ambershire Alliance",
    "Smokefree generation: stop smoking services, illicit tobacco enforcement with trading standards, youth vaping "
    "and smokefree pregnancy.",
    "health;drugs and alcohol", "executive", "plan", "none", "ACC",
    "*ICB AWH ACM FDC CVS UOA POL", 3, 2.0, 480000)

# ---- children and young people ----------------------------------------------------------------
add("scp", "Ambershire Safeguarding Children Partnership",
    BPS("children and young people") + " Statutory arrangements of the three safeguarding partners under "
    "Working Together 2023; child safeguarding practice reviews.",
    "children and young people", "strategic", "statutory", "none", "ACC",
    "*ICB POL FDC AWH ACM FVA FCO YMC HSU", 4, 3.0, 310000)

add("sab", "Ambershire Safeguarding Adults Board",
    BPS("adults with care and support needs") + " Statutory board under section 43 of the Care Act 2014; "
    "safeguarding adults reviews.",
    "health;older people", "strategic", "statutory", "none", "ACC",
    "*ICB POL FDC AWH ACM AFR PRB HWA AGE", 4, 3.0, 220000)

add("fh", "Family Hubs and Start for Life Programme Board",
    "Oversees the DfE/DHSC Family Hubs and Start for Life grant (2022-2025, £3.4m): opening family hubs in "
    "Fernley, Oakhurst and Stanby, the Start for Life offer (infant feeding, perinatal mental health and "
    "parent-infant relationships, parenting support), and publishing the offer.",
    "children and young people;health", "executive", "funding", "none", "ACC",
    "*ICB AWH ACM FDC HSU CVS PCF FVA", 6, 2.0, 3400000)

add("best_start", "Best Start in Life Partnership (0-5s)",
    "Making sure every baby and young child gets a good start: help for parents from pregnancy to age five, "
    "breastfeeding support, support for mums with low mood or anxiety after the birth, bonding and parenting "
    "courses, all from one welcoming place in each town where families can go.",
    "children and young people;health", "executive", "plan", "none", "ACC",
    "*AWH PN1 PN2 HSU FDC CVS FFB", 4, 2.0, 0)

add("supp_fam", "Supporting Families Programme Board",
    "National Supporting Families programme: whole-family working with families facing multiple disadvantages "
    "against the ten headline outcomes, data maturity, and outcome claims to government.",
    "children and young people;community", "executive", "funding", "none", "ACC",
    "*POL DWP FDC ICB FHA AHG ACM CVS", 4, 2.0, 1300000)

add("earlyhelp", "Fernley Early Help Panel",
    "Weekly case panel for families below the child protection threshold referred by schools, health visitors "
    "and police; allocates a lead practitioner and agrees the family plan.",
    "children and young people", "operational", "plan", "none", "ACC",
    "*FDC HSU FVA POL ACM YMC CVS", 48, 2.0, 0)

add("haf", "Holiday Activities and Food (HAF) Programme Board",
    "DfE-funded. Commissions holiday provision for children eligible for benefits-related FSM at Easter, summer "
    "and Christmas (4 hrs a day, 4 days a week, 6 weeks of summer) with a healthy meal, enriching activities and "
    "nutrition education. Monitoring returns to DfE.",
    "children and young people;health", "executive", "funding", "none", "ACC",
    "*FDC ACT FLT YMC FVA CVS", 4, 1.5, 1150000)

add("hhunger", "Fernley Holiday Hunger Network",
    "Churches, the foodbank, youth clubs and sports clubs who run free clubs in the school holidays, so kids who "
    "get free dinners in term time still get a hot lunch and something fun to do when school is out.",
    "children and young people;community", "operational", "voluntary", "unincorporated association", "CTF",
    "*FFB SCP YMC FIC SCA HSU", 3, 1.5, 6000)

add("youth", "Fernley Youth Partnership",
    BPB("improve the youth offer in Fernley") + " Year-round open-access youth clubs in Fernley, Oakhurst and "
    "Stanby, detached youth work in hotspots, and the youth council.",
    "children and young people;community", "executive", "plan", "none", "FDC",
    "*YMC ACC POL OTC STC FLT CVS", 4, 1.5, 75000)

add("send_wsoa", "SEND Written Statement of Action Board",
    "Set up after the 2022 local area SEND inspection. Monitors progress against the WSOA: timeliness of EHC "
    "plans, joint commissioning between the council and the ICB, and co-production with parents.",
    "children and young people;education and skills;health", "executive", "statutory", "none", "ACC",
    "*ICB PCF FVA AWH ACM HWA FCO", 6, 2.0, 0)

add("send_new", "SEND and Inclusion Partnership Board",
    "Local Area Inclusion Plan. Improving the experience and outcomes of children and young people aged 0-25 "
    "with special educational needs and disabilities: spotting needs earlier, finishing assessments within 20 "
    "weeks, and working with families as equal partners.",
    "children and young people;education and skills;health", "executive", "plan", "none", "ACC",
    "*ICB PCF FVA AWH ACM HWA FCO", 6, 2.0, 0)

add("safety_valve", "High Needs Safety Valve Programme Board",
    "Delivers the Safety Valve agreement with the DfE (2023): eliminating the high needs block deficit by "
    "2027-28, new specialist places and mainstream inclusion funding; monthly returns to DfE.",
    "children and young people;education and skills", "executive", "funding", "none", "ACC",
    "*FVA HTF FCO ICB ?PCF", 12, 1.5, 14000000)

add("sforum", "Ambershire Schools Forum",
    "Statutory consultative forum on the schools budget: local funding formula, de-delegation, the central "
    "school services block, early years funding and any transfer between blocks.",
    "education and skills;children and young people", "strategic", "statutory", "none", "HTF",
    "*FVA ACC FCO DIO", 5, 2.5, 0)

add("edu", "Fernley Education Partnership",
    "Heads, the trust, the college and the council working on disadvantage gaps at KS2 and KS4, attendance and "
    "school readiness.",
    "education and skills;children and young people", "executive", "voluntary", "none", "FVA",
    "*HTF FCO ACC FDC UOA", 4, 2.0, 10000)

add("careers", "Ambershire Careers Hub",
    "Careers & Enterprise Company hub: Gatsby benchmarks in every school and college, enterprise advisers and "
    "employer encounters.",
    "education and skills;employment", "operational", "funding", "none", "AGB",
    "*ACC FCO FVA UOA CHB DWP", 3, 2.0, 160000)

add("neet", "Post-16 Participation and NEET Group",
    "Tracking 16-18s, the September Guarantee and the duty to participate; re-engagement provision.",
    "education and skills;children and young people;employment", "operational", "statutory", "none", "ACC",
    "*FCO DWP YMC FVA", 6, 1.5, 0)

add("corp_par", "Corporate Parenting Board",
    "Children in care and care leavers: council tax exemption, housing, jobs and apprenticeships.",
    "children and young people", "strategic", "statutory", "none", "ACC",
    "*FDC FHA ICB DWP FCO", 4, 2.0, 0)

# ---- health, older people, loneliness ---------------------------------------------------------
add("suicide", "Ambershire Suicide Prevention Partnership",
    BPC + " Delivers the county suicide prevention action plan: real-time surveillance, bereavement support, "
    "training and work with high-risk groups.",
    "health", "executive", "plan", "none", "ACC",
    "*ICB ACM MIN POL AFR AWH FDC UOA CVS", 4, 2.0, 90000)

add("mh_net", "Fernley Mental Health and Wellbeing Network",
    "Peer support groups and community groups meeting to share what's on for people's mental wellbeing and how "
    "to get into NHS talking therapies.",
    "health;community", "operational", "voluntary", "none", "MIN",
    "*CVS FMS ACM ACR CTF", 6, 1.5, 0)

add("healthy_weight", "Fernley Healthy Weight Alliance",
    BPC + " Whole-systems approach to healthy weight: the food environment, planning policy on hot food "
    "takeaways near schools, and tier 2 weight management referrals.",
    "health", "operational", "plan", "none", "FDC",
    "*ACC ICB FLT ACT FVA CVS", 4, 1.5, 30000)

add("active", "Active Fernley Partnership",
    BPC + " Physical activity strategy: getting inactive people moving, the leisure centre refurbishments, "
    "parks and playing pitches.",
    "health;culture and leisure", "executive", "plan", "none", "ACT",
    "*FLT FDC ACC ICB FVA STC OTC CVS", 4, 2.0, 120000)

add("carers", "Fernley Carers Partnership",
    BPB("recognise and support unpaid carers") + " Carers' assessments, breaks, young carers in schools, and "
    "carers' passports with employers.",
    "health;older people", "operational", "plan", "none", "ACR",
    "*ACC FDC ICB ACM AGE PN1 CVS", 4, 2.0, 0)

add("dementia", "Dementia Friendly Fernley",
    "Dementia Action Alliance for the district: businesses, surgeries and groups working towards dementia friendly "
    "status, memory cafés and Dementia Friends sessions.",
    "older people;health", "operational", "voluntary", "none", "AGE",
    "*FDC ACM PN2 BID CTF FLT CVS", 4, 1.5, 3000)

add("inequal", "Core20PLUS5 Health Inequalities Group",
    BPC + " Fernley's Core20PLUS5 priorities: hypertension case-finding, cancer screening uptake and the "
    "inclusion health groups.",
    "health", "operational", "plan", "none", "ICB",
    "*ACC FDC AWH PN1 PN2 HWA CVS", 6, 1.5, 200000)

add("uec", "Ambershire Urgent and Emergency Care Board",
    "System flow: ambulance handovers, A&E four-hour standard, virtual wards and winter planning.",
    "health", "executive", "plan", "none", "ICB",
    "*AWH ACM ACC WBC PN1", 12, 2.0, 0)

add("lonely_a", "Fernley Tackling Loneliness Partnership",
    BPA("the district's response to loneliness and social isolation") + " Reducing loneliness among older residents "
    "by coordinating befriending, community activities and social prescribing referrals across Fernley, Oakhurst, "
    "Stanby and the villages.",
    "older people;community;health", "executive", "plan", "none", "FDC",
    "*ACC ICB CVS AGE FVC OTC STC", 4, 1.5, 25000)

add("lonely_b", "Fernley Friendship Network",
    "The lunch clubs, coffee mornings, telephone buddies and the Men's Shed get together every couple of months. "
    "Between us we make sure older folk who live alone and don't see a soul from one week to the next have someone "
    "to talk to and somewhere to go, and we pass people on to each other.",
    "older people;community", "operational", "voluntary", "unincorporated association", "AGE",
    "*FMS CTF SCA FVC SCP", 6, 1.5, 0)

add("lonely_c", "Social Isolation Task and Finish Group",
    "Sub-group of the Fernley H&WB Partnership. Action plan on isolation in the over-65s; local campaign; "
    "measure: % of ASC users who have as much social contact as they would like.",
    "older people;health", "operational", "plan", "none", "FDC",
    "*ACC ICB ACM HWA CVS", 6, 1.5, 0)

add("lonely_d", "Ageing Well: Connected Lives Group",
    "Reporting to the Place Partnership. Link workers in the practices and voluntary partners find older patients "
    "who have become cut off (from the frailty register, after a bereavement, or caring alone) and link them into "
    "groups, befriending and transport so they are not on their own.",
    "older people;health", "operational", "plan", "none", "PN2",
    "*PN1 ICB ACM AGE CVS ACR FDC", 6, 1.5, 45000)

# ---- cost of living --------------------------------------------------------------------------
add("hsf", "Household Support Fund Steering Group",
    "Agrees how Fernley's share of the Household Support Fund (HSF3 to HSF6) is spent on help with food, energy "
    "and water bills and other essentials for households who are struggling, through direct awards, an "
    "application route and awards made by partner organisations.",
    "community", "executive", "funding", "none", "FDC",
    "$ACC CAF FFB CVS AGE DWP FHA", 6, 1.5, 980000)

add("col", "Cost of Living Partnership",
    BPB("coordinate help for residents facing financial hardship") + " One Fernley offer: crisis support, benefit "
    "take-up campaigns, debt and money advice, food and fuel support, and a shared referral pathway so residents "
    "only tell their story once.",
    "community;health", "executive", "plan", "none", "FDC",
    "*ACC ICB DWP CAF CVS FHA AHG FFB POL", 6, 1.5, 50000)

add("hardship", "Fernley Money and Food Help Network",
    "Foodbank, pantries, Citizens Advice, churches and debt charities. When people can't make ends meet (no money "
    "on the meter, empty cupboards, bills piling up) we make sure they get food, a top-up and proper advice on "
    "benefits and debts, whichever door they walk through first.",
    "community", "operational", "voluntary", "unincorporated association", "FFB",
    "*SCP CAF CTF FIC ODF HSU", 6, 1.5, 0)

add("food", "Fernley Food Partnership",
    "Sustainable Food Places member. Building a healthy, sustainable local food system: community growing, "
    "cutting food waste, local food in school and hospital catering, and the Fernley Food Charter.",
    "environment;health;community", "operational", "voluntary", "charitable incorporated organisation", "TFE",
    "*FDC ACC AWH FVA NFU FFB CVS", 4, 2.0, 28000)

# ---- migration -------------------------------------------------------------------------------
add("hfu", "Homes for Ukraine Partnership Group",
    BPA2("the council's duties under the Homes for Ukraine scheme") + " Property and DBS checks for sponsors, "
    "thank-you payments, welcome payments to guests, school places and move-on housing when sponsorships end, "
    "funded from the tariff grant.",
    "community;housing", "executive", "funding", "none", "FDC",
    "*ACC POL DWP ICB FHA AHG CVS ARW", 12, 1.5, 2200000)

add("ukr_cell", "Ukraine Response Cell",
    "HfU - see ToR.",
    "community", "operational", "funding", "none", "FDC",
    "*ACC POL DWP ICB FHA AHG CVS ARW", 24, 1.0, 0)

add("ukr_net", "Fernley Ukrainian Guests and Hosts Network",
    "Hosts, Ukrainian families and volunteers helping each other: English conversation classes, a WhatsApp group, "
    "help finding a flat and a job when the sponsorship comes to an end, and getting the children settled at school.",
    "community", "operational", "voluntary", "unincorporated association", "UKC",
    "*ARW CTF CVS FCO CAF", 10, 2.0, 4000)

add("asylum", "Asylum Dispersal Multi-Agency Forum",
    BPA2("the district's arrangements for asylum dispersal") + " Full dispersal since 2023: the Home Office "
    "contractor's properties, health screening, school places, community tensions, and move-on support after a "
    "positive decision.",
    "community;housing;community safety", "executive", "plan", "none", "FDC",
    "*ACC POL DWP ICB FHA AHG CVS ARW ?HO SAS", 6, 1.5, 0)

add("afghan", "Afghan Resettlement Steering Group",
    "ARAP and ACRS families: housing offers, casework support, ESOL and employment.",
    "community;housing", "operational", "funding", "none", "FDC",
    "*ACC ?HO ICB ARW FHA CVS POL", 4, 1.5, 310000)

# ---- voluntary sector, culture, local councils ------------------------------------------------
add("vcse", "Fernley VCSE Assembly",
    "Twice-yearly gathering of the district's voluntary, community and social enterprise sector; elects VCSE "
    "representatives to partnership boards.",
    "community", "strategic", "voluntary", "none", "CVS",
    "*ACF AGE MIN CAF CTF FFB SCA", 2, 3.0, 0)

add("grants", "Fernley Community Grants Panel",
    BPB("support community groups through small grants") + " Scores applications to the council's community "
    "grants and the Fernley Community Lottery fund.",
    "community", "operational", "funding", "none", "FDC",
    "*CVS ACF OTC STC AAL", 4, 2.0, 150000)

add("armed", "Fernley Armed Forces Covenant Partnership",
    BPB("meet the council's duties under the Armed Forces Covenant") + " Veterans' housing, health and employment, "
    "and the annual Armed Forces Day.",
    "community", "operational", "statutory", "none", "FDC",
    "*ACC DWP ICB FHA CVS POL", 2, 1.5, 5000)

add("parish", "Fernley Town and Parish Councils Liaison Forum",
    BPA2("joint working between the district council and the town and parish councils") + " Planning, devolved "
    "services, community emergency plans.",
    "community", "strategic", "voluntary", "none", "FDC",
    "*OTC STC WGP CHP AAL ACC", 3, 2.0, 0)

add("culture", "Fernley Cultural Compact",
    BPB("put arts, heritage and culture at the heart of Fernley") + " Cultural strategy, festivals and Arts Council "
    "England bids.",
    "culture and leisure", "strategic", "plan", "none", "MAL",
    "*FDC ACC UOA FCO OHS BID CVS", 4, 2.0, 60000)

add("festival", "Stanby Summer Festival Committee",
    "",
    "culture and leisure;community", "operational", "voluntary", "unincorporated association", "SCA",
    "*STC FDC POL AFR", 8, 2.0, 14000)

# --------------------------------------------------------------------------------------------
# Truth: duplicate groups and hard negatives (by key).
# --------------------------------------------------------------------------------------------
GROUPS = [
    # group of four: loneliness among older people, council partnership, voluntary network,
    # district H&WB task group and a place-partnership sub-group
    ["lonely_a", "lonely_b", "lonely_c", "lonely_d"],
    # triples
    ["hsf", "col", "hardship"],            # cost of living: fund board, council partnership, voluntary network
    ["cdp", "h2h", "dasg"],                # drugs strategy: CDP, From Harm to Hope board, HWB sub-group
    ["hfu", "ukr_cell", "ukr_net"],        # Homes for Ukraine: fund group, terse cell, voluntary network
    # pairs
    ["fh", "best_start"],                  # fund board vs mainstream early-years partnership
    ["sv", "csp_viol"],                    # statutory duty partnership vs CSP sub-group
    ["vawg", "da_forum"],                  # council-led delivery group vs practitioners' forum
    ["place_old", "place_new"],            # renamed successor, same members
    ["send_wsoa", "send_new"],             # renamed successor, same members
    ["dig_inc", "get_online"],             # council steering group vs volunteer network
    ["haf", "hhunger"],                    # fund board vs voluntary forum
    ["warm_sp", "warm_hubs"],              # same members, terse objective
    ["climate", "sust_net"],               # council partnership vs voluntary network
    ["lnrs", "lnp_map"],                   # steering group vs sub-group of another board
    ["ukspf_ps", "esp"],                   # fund working group vs mainstream partnership
    ["hless", "hless_b"],                  # same members, empty objective
]

HARD_NEGATIVES = [
    ["warm_sp", "warm_homes"],       # warm spaces in winter vs insulating homes
    ["marac", "vawg"],               # case conference vs strategic delivery group
    ["dalpb", "da_forum"],           # safe accommodation strategy vs practitioners' forum
    ["hfu", "asylum"],               # Ukraine sponsorship vs asylum dispersal
    ["lnrs", "bng"],                 # nature recovery strategy vs planning BNG practice
    ["safety_valve", "sforum"],      # DSG deficit recovery vs schools funding consultation
    ["oak_tt", "stan_tt"],           # same kind of body, different towns and work
    ["scp", "sab"],                  # same boilerplate, children vs adults
    ["sv", "yjb"],                   # serious violence vs youth justice service oversight
    ["ukspf_lpg", "hsf"],            # two funding boards, different funds and work
    ["cdp", "tobacco"],              # drugs vs tobacco
    ["haf", "youth"],                # holiday clubs with food vs year-round youth work
    ["fh", "supp_fam"],              # family hubs vs supporting families outcomes programme
    ["dig_inc", "gigabit"],          # digital skills vs broadband infrastructure
    ["esp", "lsip"],                 # jobs for residents vs employer skills plan
    ["lonely_a", "dementia"],        # loneliness vs dementia friendly
    ["hless", "aff_housing"],        # homelessness vs affordable housing supply
    ["csp", "dhr"],                  # same members, different statutory work
]

NOTE = ("Fernley (fictional district in fictional Ambershire), 2022-2025. Groups: 1 of four, 3 triples, "
        "12 pairs. Hard negatives look alike by theme, partners, boilerplate or wording but do different work. "
        "Any pair not inside a group is not a duplicate.")


def ref_order(keys):
    """Fixed shuffled order: sort keys by a salted hash, so neighbouring refs say nothing."""
    return sorted(keys, key=lambda k: hashlib.sha256(("fernley-2025:" + k).encode()).hexdigest())


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    org_ids = {o[0] for o in ORGS}
    keys = [p["key"] for p in P]
    assert len(set(keys)) == len(keys), "duplicate key"
    ref = {k: f"FN{i + 1:03d}" for i, k in enumerate(ref_order(keys))}

    with open(os.path.join(out, "organisations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "sector", "type"])
        for o in ORGS:
            w.writerow(o)

    rows, mems = [], []
    for p in P:
        r = ref[p["key"]]
        assert p["lead"] in org_ids, p["key"]
        rows.append([r, p["title"], p["objective"], p["themes"], p["layer"], p["basis"], p["legal"],
                     p["lead"], p["mpy"], p["hours"], p["budget"]])
        roles = {p["lead"]: "chair"}
        order = [p["lead"]]
        for tok in p["members"].split():
            role = {"*": "vice-chair", "$": "accountable body", "?": "observer"}.get(tok[0], "member")
            oid = tok.lstrip("*$?")
            assert oid in org_ids, (p["key"], oid)
            assert oid not in roles, (p["key"], oid)
            roles[oid] = role
            order.append(oid)
        assert 5 <= len(order) <= 20, (p["key"], len(order))
        for oid in order:
            mems.append([r, oid, roles[oid]])
    rows.sort(key=lambda x: x[0])
    mems.sort(key=lambda x: (x[0], ["chair", "vice-chair", "accountable body", "member", "observer"].index(x[2])))

    with open(os.path.join(out, "partnerships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
                    "meetings_per_year", "meeting_hours", "annual_budget_gbp"])
        w.writerows(rows)
    with open(os.path.join(out, "memberships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["partnership_ref", "org_id", "role"])
        w.writerows(mems)

    seen = set()
    for g in GROUPS:
        for k in g:
            assert k in ref and k not in seen, k
            seen.add(k)
    gid = {k: i for i, g in enumerate(GROUPS) for k in g}
    for a, b in HARD_NEGATIVES:
        assert a in ref and b in ref and not (a in gid and gid.get(a) == gid.get(b)), (a, b)
    groups = sorted(sorted(ref[k] for k in g) for g in GROUPS)
    hard = sorted(sorted([ref[a], ref[b]]) for a, b in HARD_NEGATIVES)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        f.write('{"groups": [\n')
        f.write(",\n".join("  " + json.dumps(g) for g in groups))
        f.write('\n ],\n "hard_negatives": [\n')
        f.write(",\n".join("  " + json.dumps(h) for h in hard))
        f.write('\n ],\n "note": ' + json.dumps(NOTE) + "}\n")
    print(f"wrote {len(ORGS)} organisations, {len(P)} partnerships, {len(mems)} memberships, "
          f"{len(GROUPS)} groups, {len(HARD_NEGATIVES)} hard negatives to {out}")


if __name__ == "__main__":
    main()
