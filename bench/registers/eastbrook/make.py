#!/usr/bin/env python3
"""Write the Eastbrook partnership-register benchmark.

Eastbrook is a fictional unitary council in the north of England; the register is written as its
partnership officer kept it around 2019-2021. Everything here is made up. All wording is data in this
file and the output is the same every run:  python3 make.py
"""
import csv, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- organisations
# key, name, sector, type   (keys are internal; ids EO01.. are written out)
ORGS = [
    ("EBC", "Eastbrook Borough Council", "public", "unitary authority"),
    ("CCG", "NHS Eastbrook Clinical Commissioning Group", "public", "clinical commissioning group"),
    ("ICS", "Calderfell and Eastbrook Health and Care Partnership", "public", "integrated care system"),
    ("POL", "Calderfell Police", "public", "police force"),
    ("FIRE", "Calderfell Fire and Rescue Service", "public", "fire and rescue service"),
    ("VAE", "Voluntary Action Eastbrook", "voluntary", "council for voluntary service"),
    ("OPCC", "Office of the Police and Crime Commissioner for Calderfell", "public", "police and crime commissioner"),
    ("HOSP", "Eastbrook and Kelsby Hospitals NHS Foundation Trust", "public", "acute NHS foundation trust"),
    ("MHT", "Moorvale Health NHS Foundation Trust", "public", "mental health and community services trust"),
    ("AMB", "Northern Dales Ambulance Service NHS Trust", "public", "ambulance trust"),
    ("PHE", "Public Health England - Calderfell Health Protection Team", "public", "government agency"),
    ("PCN1", "Eastbrook Central Primary Care Network", "public", "primary care network"),
    ("PCN2", "Kelsby and Moors Primary Care Network", "public", "primary care network"),
    ("HW", "Healthwatch Eastbrook", "voluntary", "local Healthwatch"),
    ("NPS", "National Probation Service (Calderfell)", "public", "probation service"),
    ("CRC", "Calderfell and Dales Community Rehabilitation Company", "private", "community rehabilitation company"),
    ("DWP", "Jobcentre Plus Eastbrook", "public", "government agency"),
    ("COLL", "Eastbrook College", "public", "further education college"),
    ("UNI", "University of Calderfell", "public", "university"),
    ("MAT", "Brookfield Learning Trust", "public", "multi-academy trust"),
    ("SECH", "Eastbrook Association of Secondary Headteachers", "public", "headteachers' group"),
    ("PRIH", "Eastbrook Primary Headteachers' Forum", "public", "headteachers' group"),
    ("EBH", "Eastbrook Homes", "public", "arm's length management organisation"),
    ("MHA", "Moorland Housing Association", "voluntary", "housing association"),
    ("PEH", "Pennine Edge Homes", "voluntary", "housing association"),
    ("LAND", "Eastbrook and District Landlords' Association", "private", "landlords' association"),
    ("LEP", "Calderfell Local Enterprise Partnership", "public", "local enterprise partnership"),
    ("CHAM", "Eastbrook Chamber of Commerce", "private", "chamber of commerce"),
    ("FSB", "Federation of Small Businesses - Calderfell branch", "private", "business membership organisation"),
    ("BID", "Eastbrook Business Improvement District Ltd", "private", "business improvement district"),
    ("KTC", "Kelsby Town Council", "public", "town council"),
    ("HOLD", "Holderdale Borough Council", "public", "unitary authority"),
    ("ENV", "Environment Agency - Calder and Wold area", "public", "government agency"),
    ("WATER", "Northern Calder Water plc", "private", "water company"),
    ("WILD", "Calderfell Wildlife Trust", "voluntary", "wildlife trust"),
    ("BUS", "Brookline Buses Ltd", "private", "bus operator"),
    ("CAB", "Citizens Advice Eastbrook", "voluntary", "advice charity"),
    ("FOOD", "Eastbrook Foodbank", "voluntary", "food bank"),
    ("CHURCH", "Churches Together in Eastbrook", "community", "faith network"),
    ("MOSQ", "Eastbrook Council of Mosques", "community", "faith network"),
    ("REF", "Eastbrook Refugee and Migrant Support", "voluntary", "refugee charity"),
    ("SFUT", "Safer Futures Eastbrook", "voluntary", "domestic abuse charity"),
    ("AGE", "Age UK Eastbrook", "voluntary", "older people's charity"),
    ("MIND", "Eastbrook Mind", "voluntary", "mental health charity"),
    ("LIFE", "Eastbrook Lifeline Listening Service", "voluntary", "helpline charity"),
    ("CAR", "Eastbrook Carers Centre", "voluntary", "carers' charity"),
    ("DEMC", "Eastbrook Memory Cafe Network", "community", "dementia support group"),
    ("PF", "Eastbrook People First", "community", "self-advocacy group"),
    ("PCF", "Eastbrook Parent Carer Forum", "community", "parent carer forum"),
    ("YEB", "Young Eastbrook", "voluntary", "youth charity"),
    ("ROV", "Eastbrook Rovers Community Trust", "voluntary", "football club community trust"),
    ("ACT", "Active Calderfell", "voluntary", "active partnership"),
    ("LEIS", "Eastbrook Leisure Trust", "voluntary", "leisure trust"),
    ("ARTS", "Brook Mill Arts", "voluntary", "arts centre"),
    ("HER", "Eastbrook Civic and Heritage Trust", "voluntary", "heritage trust"),
    ("HOR", "Horizon Recovery Eastbrook", "voluntary", "drug and alcohol treatment provider"),
    ("HOSPICE", "St Hild's Hospice", "voluntary", "hospice"),
    ("VET", "Eastbrook Veterans' Hub", "voluntary", "armed forces charity"),
    ("TEN", "Eastbrook Tenants' and Residents' Federation", "community", "tenants' federation"),
    ("BRA", "Brookside Residents' Association", "community", "residents association"),
    ("NCA", "Northgate Community Association", "community", "community association"),
    ("KCA", "Kelsby Community Association", "community", "community association"),
    ("DAYC", "Brookgate Day Centre", "voluntary", "homelessness charity"),
]

# ---------------------------------------------------------------- partnerships
# key, title, objective, themes, layer, basis, legal_status, lead, meetings/yr, hours, budget, members
# members: space-separated org keys; prefix vc: vice-chair, obs: observer, ab: accountable body.
# The lead is written as chair.
S, E, O = "strategic", "executive", "operational"
NONE, UA, CIO = "none", "unincorporated association", "charitable incorporated organisation"

P = [
    # ---------------- top and thematic partnerships
    ("epb", "Eastbrook Partnership Board",
     "The Eastbrook Partnership Board is the overarching strategic partnership for the borough. It brings together "
     "leaders from the public, private, voluntary and community sectors to work in partnership to improve outcomes "
     "for local people, agree the shared ambition set out in 'Eastbrook 2030: A Place to Thrive' and hold the "
     "thematic partnerships to account for delivery.",
     "community;economy and regeneration;health;community safety", S, "plan", NONE, "EBC", 4, 2, 15000,
     "vc:VAE CCG POL FIRE HOSP ICS LEP CHAM COLL UNI EBH MHA DWP OPCC KTC CHURCH"),
    ("hwb", "Eastbrook Health and Wellbeing Board",
     "Statutory committee established under the Health and Social Care Act 2012. Leads the Joint Strategic Needs "
     "Assessment (JSNA) and the Joint Health and Wellbeing Strategy 2019-2024 ('Starting Well, Living Well, Ageing "
     "Well'); encourages integrated working between health and social care commissioners; approves the Better Care "
     "Fund plan and the Pharmaceutical Needs Assessment.",
     "health;older people;children and young people", S, "statutory", NONE, "EBC", 4, 2.5, 0,
     "vc:CCG HW HOSP MHT POL FIRE VAE ICS obs:PHE PCN1 PCN2 MHA AGE"),
    ("csp", "Safer Eastbrook Partnership",
     "Statutory Community Safety Partnership (CDA 1998 s5-7). Annual strategic assessment; Community Safety Plan "
     "2020-23 priorities: ASB, DA, serious violence & exploitation, drug-related harm, reducing reoffending. PCC "
     "Community Safety Fund.",
     "community safety;drugs and alcohol", S, "statutory", NONE, "POL", 4, 2, 85000,
     "vc:EBC FIRE CCG NPS CRC OPCC VAE EBH MHA HOR SFUT BID YEB"),
    ("cypp", "Children and Young People's Partnership",
     "To work together to improve outcomes for children, young people and their families in Eastbrook, ensuring "
     "that every child has the best start in life and the opportunity to achieve their potential. Owns the Children "
     "and Young People's Plan 2019-2022 and reports to the Eastbrook Partnership Board.",
     "children and young people;education and skills", S, "plan", NONE, "EBC", 4, 2, 0,
     "CCG POL VAE HOSP MHT COLL MAT SECH PRIH PCF YEB EBH DWP FIRE"),
    ("sab", "Eastbrook Safeguarding Adults Board",
     "Statutory board under section 43 of the Care Act 2014. Seeks assurance that local arrangements work to help "
     "and protect adults with care and support needs who are experiencing, or at risk of, abuse or neglect. "
     "Publishes a strategic plan and annual report and arranges Safeguarding Adults Reviews (SARs).",
     "older people;health;community safety", S, "statutory", NONE, "EBC", 4, 2.5, 165000,
     "vc:CCG POL FIRE HOSP MHT AMB NPS HW VAE EBH MHA CAR AGE"),
    ("lscb", "Eastbrook Local Safeguarding Children Board (LSCB)",
     "LSCB - s.13 CA 2004. Coordinate what local agencies do to protect and promote the welfare of children, and "
     "ensure it is effective. SCRs.",
     "children and young people;community safety", S, "statutory", NONE, "EBC", 6, 2.5, 270000,
     "vc:POL CCG HOSP MHT AMB NPS CRC COLL SECH PRIH MAT VAE FIRE YEB"),
    ("escp", "Eastbrook Safeguarding Children Partnership (ESCP)",
     "Local multi-agency safeguarding arrangements (MASA) published June 2019 by the three safeguarding partners - "
     "EBC, NHS Eastbrook CCG and Calderfell Police - as required by Working Together 2018. Independent scrutineer; "
     "rapid reviews and Child Safeguarding Practice Reviews; relevant agencies incl. schools, colleges, fire, "
     "probation and the VCS.",
     "children and young people;community safety", S, "statutory", NONE, "EBC", 6, 2.5, 290000,
     "vc:POL CCG HOSP MHT AMB NPS CRC COLL SECH PRIH MAT VAE FIRE YEB"),
    ("egb", "Eastbrook Economic Growth Board",
     "Private sector-led board advising the Council on the Inclusive Economy Strategy 2019-2024: productivity, "
     "business growth, inward investment, and Eastbrook's asks of the Calderfell LEP Local Industrial Strategy.",
     "economy and regeneration;employment", S, "plan", NONE, "CHAM", 4, 2, 0,
     "vc:EBC LEP FSB COLL UNI DWP BID VAE obs:KTC"),
    ("esb", "Employment and Skills Board",
     "ESB. Skills Plan; apprenticeships; skills gaps in manufacturing, health & care, construction; post-16 "
     "provision review.",
     "education and skills;employment", S, "plan", NONE, "COLL", 4, 2, 0,
     "EBC DWP LEP UNI CHAM FSB VAE MAT SECH YEB"),
    ("hous", "Eastbrook Housing Partnership",
     "Deliver the Housing Strategy 2018-2023: new homes incl. affordable & specialist housing, better private "
     "rented homes, homelessness prevention duties (HRA 2018), empty homes back into use.",
     "housing", S, "plan", NONE, "EBC", 4, 2, 0,
     "EBH MHA PEH LAND CAB CCG POL VAE"),
    ("scp", "Stronger Communities Partnership",
     "Community cohesion and integration; community resilience; oversight of tension monitoring; Integrated "
     "Communities action plan.",
     "community", S, "plan", NONE, "EBC", 4, 2, 0,
     "vc:VAE POL FIRE CHURCH MOSQ REF KCA TEN NCA CCG COLL"),
    ("ceb", "Climate Emergency Board",
     "Following the Council's declaration of a climate emergency in July 2019, to lead the borough-wide response: "
     "agree the route map to a carbon neutral Eastbrook by 2038, oversee the Climate Action Plan, and report "
     "progress to Full Council each year.",
     "environment", S, "plan", NONE, "EBC", 6, 2, 250000,
     "EBH HOSP UNI COLL ENV WILD BUS CHAM VAE CCG FIRE"),
    ("cult", "Eastbrook Culture Partnership",
     "Cultural Strategy 2020-2025; Arts Council England investment; festivals & events programme; Eastbrook's bid "
     "to become a Cultural Compact area.",
     "culture and leisure", S, "plan", "company limited by guarantee", "ARTS", 4, 2, 0,
     "vc:EBC LEIS HER UNI COLL BID ROV VAE YEB"),

    # ---------------- COVID-19
    ("loeb", "Local Outbreak Engagement Board (COVID-19)",
     "Member-led board (sub-committee of HWB) providing political oversight of the Local Outbreak Management Plan and "
     "leading public communication and engagement on test, trace and outbreak control.",
     "health;community", S, "plan", NONE, "EBC", 12, 1.5, 0,
     "CCG PHE POL HW VAE HOSP ICS MOSQ CHURCH"),
    ("hpb", "Health Protection Board",
     "Officer board chaired by the DPH. COVID-19 surveillance & data, outbreak management in care homes, schools and "
     "workplaces, local testing sites (LTS/MTUs), enforcement under the Coronavirus Regulations, Contain Outbreak "
     "Management Fund (COMF) spend.",
     "health", E, "plan", NONE, "EBC", 52, 1, 5200000,
     "PHE CCG HOSP POL FIRE MHT AMB obs:ICS"),
    ("rcg", "COVID-19 Recovery Coordinating Group",
     "Multi-agency Recovery Coordinating Group stood up from the LRF Strategic Coordinating Group (May 2020) to plan "
     "the restoration of services and 'build back better'. Oversees the recovery cells and the Recovery Plan.",
     "community;economy and regeneration;health", S, "plan", NONE, "EBC", 26, 1.5, 0,
     "POL FIRE CCG VAE HOSP CHAM DWP LEP COLL EBH ICS"),
    ("erc", "Economic Recovery Cell",
     "Covid business support: administer the Small Business Grant Fund, Retail Hospitality & Leisure grants and the "
     "Additional Restrictions Grant; business engagement & Covid-secure guidance; redundancy response with DWP.",
     "economy and regeneration;employment", E, "plan", NONE, "EBC", 26, 1, 0,
     "CHAM FSB BID LEP DWP KTC"),
    ("shield", "Shielding and Vulnerable People Cell",
     "Welfare calls to Clinically Extremely Vulnerable residents on the shielding list, prescription collection, "
     "befriending and volunteer matching via the Eastbrook Community Hub helpline.",
     "community;older people;health", O, "plan", NONE, "EBC", 52, 1, 0,
     "VAE CCG AGE PCN1 PCN2 CHURCH MOSQ FIRE"),
    ("vax", "Vaccine Inequalities Group",
     "Close gaps in COVID-19 vaccine uptake between neighbourhoods and communities: pop-up and mosque clinics, "
     "community champions, outreach to people experiencing homelessness and to younger adults.",
     "health;community", O, "plan", NONE, "CCG", 26, 1, 120000,
     "EBC PCN1 PCN2 MOSQ CHURCH VAE REF HW"),
    ("schcov", "Schools and Settings COVID Response Group",
     "",
     "education and skills;children and young people", O, "plan", NONE, "EBC", 52, 1, 0,
     "SECH PRIH MAT PHE COLL CCG"),

    # ---------------- health and care
    ("alliance", "Eastbrook Health and Care Alliance Board",
     "Alliance of local NHS, council and voluntary sector providers. Join up care.",
     "health;older people", S, "voluntary", NONE, "HOSP", 12, 2, 0,
     "EBC CCG MHT PCN1 PCN2 VAE HOSPICE HW ICS AMB"),
    ("place", "Eastbrook Place Partnership Board",
     "Place-based partnership for Eastbrook within the Calderfell and Eastbrook Integrated Care System. From April "
     "2021 brings providers and commissioners together to plan and deliver integrated community services - "
     "neighbourhood teams built around Primary Care Networks, population health management and action on health "
     "inequalities at place level.",
     "health;older people", S, "plan", NONE, "HOSP", 12, 2, 0,
     "EBC CCG MHT PCN1 PCN2 VAE HOSPICE HW ICS AMB"),
    ("bcf", "Better Care Fund Programme Board",
     "BCF/iBCF. Manage the pooled budget (GBP 18.4m 2020/21), plan sign-off, quarterly returns to NHSE/MHCLG, monitor "
     "national metrics.",
     "health;older people", E, "funding", NONE, "EBC", 6, 1.5, 18400000,
     "CCG HOSP MHT HW VAE EBH ICS"),
    ("ice", "Integrated Commissioning Executive",
     "Joint commissioning of adult health and social care by the Council and the CCG through the section 75 "
     "agreement: agree spending plans for the shared pot and review the performance of jointly funded schemes such as "
     "reablement, intermediate care, community equipment and support for carers.",
     "health;older people", E, "plan", NONE, "CCG", 12, 2, 0,
     "EBC ICS PCN1 CAR obs:HOSP"),
    ("uec", "A&E Delivery Board",
     "Urgent & Emergency Care: 4-hour standard, ambulance handover delays, NHS 111 First, flow through the Eastbrook "
     "General ED; winter & surge plans.",
     "health", E, "plan", NONE, "HOSP", 12, 2, 0,
     "CCG AMB EBC MHT PCN1 ICS HW"),
    ("hdc", "COVID-19 Hospital Discharge Cell",
     "Implement the Hospital Discharge Service Requirements (March 2020): patients fit to leave are discharged within "
     "hours of decision via Discharge to Assess pathways 0-3, funded from the national scheme; daily sitrep to NHSE.",
     "health;older people", O, "funding", NONE, "CCG", 52, 1, 3100000,
     "HOSP EBC MHT VAE HOSPICE AGE"),
    ("homefirst", "Home First Steering Group",
     "Getting people back to their own homes quickly after a stay on a ward: cut stranded and super-stranded patient "
     "numbers, one single point of access for transfers of care, trusted assessors, reablement and bridging care so "
     "nobody waits in an acute bed for a package of care.",
     "older people;health", E, "plan", NONE, "EBC", 12, 1.5, 0,
     "HOSP CCG MHT AGE CAR AMB"),
    ("mhpb", "Mental Health Partnership Board",
     "Mental Health Strategy 2019-24 - Community Mental Health Transformation, IAPT access, perinatal MH, physical "
     "health checks for people with SMI, employment support (IPS).",
     "health", E, "plan", NONE, "CCG", 6, 2, 0,
     "EBC MHT VAE MIND HW POL DWP MHA"),
    ("ccc", "Crisis Care Concordat Group",
     "Mental Health Crisis Care Concordat action plan: section 136 detentions and health-based places of safety, "
     "street triage with police, the Safe Haven crisis cafe and a 24/7 crisis line.",
     "health;community safety", O, "plan", NONE, "MHT", 6, 2, 0,
     "POL AMB CCG EBC HOSP MIND LIFE"),
    ("spp", "Suicide Prevention Partnership",
     "Deliver the Eastbrook Suicide Prevention Action Plan 2019-2022: real-time surveillance of suspected suicides "
     "with Calderfell Police, postvention and bereavement support, training front-line staff, reducing access to "
     "means at high-risk locations and targeted work with men in middle age.",
     "health", E, "plan", NONE, "EBC", 6, 2, 20000,
     "POL CCG MHT LIFE MIND ROV VAE AMB"),
    ("shs", "Self-Harm & Suicide Reduction Working Group",
     "",
     "health", E, "plan", NONE, "EBC", 6, 2, 0,
     "POL CCG MHT LIFE MIND ROV VAE AMB"),
    ("ldpb", "Learning Disability Partnership Board",
     "Co-produced board with people with learning disabilities and family carers: annual health checks, Transforming "
     "Care (fewer inpatients), paid work, housing choices, day opportunities.",
     "health;community", E, "plan", NONE, "EBC", 6, 2, 0,
     "CCG MHT PF CAR DWP COLL MHA"),
    ("aut", "Autism Partnership Board",
     "All-age autism strategy: diagnosis waiting times, reasonable adjustments in public services, autism-friendly "
     "venues and employment for autistic adults.",
     "health;children and young people", E, "plan", NONE, "CCG", 4, 2, 0,
     "EBC MHT PCF COLL DWP PF MAT"),
    ("dem", "Living Well with Dementia Programme Board",
     "Joint EBC/CCG dementia strategy 2019-2022: diagnosis rate (national ambition 66.7%), memory assessment waiting "
     "times, post-diagnostic support, carers, dementia-friendly communities and end of life care.",
     "older people;health", E, "plan", NONE, "CCG", 4, 2, 0,
     "EBC MHT HOSP PCN1 PCN2 HOSPICE CAR"),
    ("daa", "Dementia Friendly Eastbrook",
     "Local Dementia Action Alliance run by volunteers. Making Eastbrook a good place to live with memory loss: "
     "signposting newly diagnosed people and their families to help, memory cafes, Dementia Friends sessions, and "
     "signing up shops, churches, the bus company and the football club to become memory-aware.",
     "older people;community", O, "voluntary", UA, "AGE", 6, 1.5, 3000,
     "DEMC CHURCH BUS ROV BID VAE obs:EBC"),
    ("carers", "Carers' Partnership Board",
     "Carers Strategy: identify unpaid carers earlier (GP registers), carers' assessments, short breaks, young carers "
     "in schools, carers in employment.",
     "community;health;older people", E, "plan", NONE, "EBC", 4, 2, 0,
     "CCG CAR YEB HOSP PCN1 AGE DWP"),
    ("eol", "Palliative and End of Life Care Group",
     "Advance care planning, ReSPECT, fast-track CHC, preferred place of death, bereavement.",
     "health;older people", O, "plan", NONE, "HOSPICE", 4, 2, 0,
     "CCG HOSP MHT PCN1 PCN2 EBC AMB"),
    ("hwa", "Healthy Weight Alliance",
     "Whole-systems approach to obesity: NCMP results, hot food takeaway planning SPD, Sugar Smart, tier 2 weight "
     "management.",
     "health;children and young people", E, "plan", NONE, "EBC", 4, 1.5, 60000,
     "CCG LEIS SECH PRIH HOSP VAE ROV"),
    ("tob", "Smokefree Eastbrook Alliance",
     "Tobacco control",
     "health", O, "plan", NONE, "EBC", 4, 1.5, 0,
     "CCG HOSP MHT FIRE PCN1 VAE"),
    ("shn", "Sexual Health Network",
     "SRH/HIV - integrated sexual health service & outreach.",
     "health", O, "plan", NONE, "EBC", 4, 1.5, 0,
     "CCG HOSP PCN1 COLL UNI YEB"),
    ("dap", "Drug and Alcohol Strategic Partnership",
     "Oversee the substance misuse strategy: commissioning of the adult and young people's treatment and recovery "
     "system, alcohol harm reduction, drug-related deaths, links with criminal justice (DRR/ATR).",
     "drugs and alcohol;health;community safety", E, "plan", NONE, "EBC", 4, 2, 3400000,
     "POL HOR CCG MHT NPS CRC HOSP EBH OPCC"),
    ("drd", "Drug-Related Deaths Review Panel",
     "DRDs",
     "drugs and alcohol", O, "plan", NONE, "EBC", 4, 2, 0,
     "HOR POL CCG MHT NPS PCN1"),
    ("mvp", "Maternity Voices Partnership",
     "",
     "health;children and young people", O, "voluntary", NONE, "HW", 4, 2, 0,
     "HOSP CCG PCF VAE REF"),
    ("socp", "Social Prescribing Steering Group",
     "PCN social prescribing link workers (Network DES 2019): referral routes into community groups, activities and "
     "advice; VCS capacity and small grants.",
     "health;community", O, "plan", NONE, "PCN1", 6, 1.5, 40000,
     "PCN2 VAE CCG EBC LEIS AGE CAB"),

    # ---------------- community safety
    ("marac", "Eastbrook MARAC",
     "Multi-Agency Risk Assessment Conference: fortnightly meeting to share information on high-risk victims of "
     "domestic abuse (DASH 14+ or professional judgement) and agree safety plans for them and their children.",
     "community safety", O, "plan", NONE, "POL", 26, 3, 0,
     "EBC SFUT NPS CRC HOSP MHT EBH MHA CCG"),
    ("dapb", "Domestic Abuse Partnership Board",
     "Statutory Local Partnership Board under Part 4 of the Domestic Abuse Act 2021. Owns the Domestic Abuse Strategy "
     "2021-24 for Eastbrook: prevention, support for victims and their children, perpetrator programmes and safe "
     "accommodation; advises the Council on its duty to assess need and commission support in safe accommodation.",
     "community safety;housing", S, "statutory", NONE, "EBC", 4, 2, 780000,
     "POL CCG SFUT OPCC EBH MHA NPS HOSP VAE FIRE"),
    ("dvf", "Eastbrook Domestic Violence Forum",
     "Practitioner- and survivor-led forum setting shared priorities for tackling violence in the home and coercive "
     "control in Eastbrook; coordinates local services for those living with it and their children; White Ribbon "
     "campaign; changing abusers' behaviour.",
     "community safety;community", E, "voluntary", UA, "SFUT", 6, 2, 0,
     "CAB REF CHURCH MOSQ VAE MHA YEB obs:EBC"),
    ("dasg", "CSP DA Sub-Group",
     "DA delivery plan for Safer Eastbrook: reduce repeat victimisation, IDVA capacity, Op Encompass, DRIVE, comms for "
     "16 Days of Action.",
     "community safety", E, "statutory", NONE, "EBC", 6, 1.5, 0,
     "POL SFUT CCG EBH NPS SECH"),
    ("sv", "Serious Violence and Knife Crime Group",
     "Public health approach to serious violence affecting under-25s: knife crime hotspots, A&E navigators, "
     "diversionary activities, Calderfell Violence Reduction Unit funding.",
     "community safety;children and young people", E, "funding", NONE, "POL", 6, 2, 210000,
     "EBC OPCC HOSP YEB ROV SECH NPS FIRE"),
    ("mace", "Multi-Agency Child Exploitation (MACE) Panel",
     "Children at risk of sexual or criminal exploitation, incl. county lines; missing episodes; disrupting places "
     "and perpetrators.",
     "children and young people;community safety", O, "statutory", NONE, "EBC", 12, 2.5, 0,
     "POL CCG MHT SECH YEB EBH FIRE"),
    ("mssg", "SAB Modern Slavery Sub-Group",
     "Sub-group of the Safeguarding Adults Board. Raise awareness of adult exploitation - forced labour, sexual "
     "exploitation, domestic servitude, cuckooing; improve NRM referrals and Duty to Notify compliance; transparency "
     "in supply chains statements.",
     "community safety;community", E, "statutory", NONE, "EBC", 4, 1.5, 0,
     "POL CCG HOSP MHA VAE REF"),
    ("asn", "Anti-Slavery Network",
     "Safer Eastbrook task group on human trafficking: intelligence sharing on suspected trafficking at hand car "
     "washes, nail bars and farms, identifying victims and referring them into the National Referral Mechanism, and "
     "training frontline staff to spot the signs.",
     "community safety", E, "plan", NONE, "POL", 6, 1.5, 0,
     "EBC FIRE REF CHURCH DWP EBH"),
    ("soc", "Serious and Organised Crime Joint Agency Group",
     "SOC JAG: disrupt mapped organised crime groups (drugs supply, firearms, money laundering, illegal money lending) "
     "using the 4P plan, civil powers, licensing and tax.",
     "community safety", O, "plan", NONE, "POL", 12, 2, 0,
     "EBC FIRE DWP NPS EBH ENV"),
    ("prev", "Prevent Partnership Board",
     "Oversee delivery of the Prevent duty (s.26 Counter-Terrorism and Security Act 2015) in Eastbrook: Counter "
     "Terrorism Local Profile, Prevent Action Plan, WRAP training for frontline staff, work with schools, colleges "
     "and faith settings.",
     "community safety;community", E, "statutory", NONE, "EBC", 4, 2, 0,
     "POL COLL UNI SECH CCG NPS MOSQ"),
    ("chan", "Channel Panel",
     "Statutory case panel (s.36 CTSA 2015): multi-agency assessment of referred individuals vulnerable to "
     "radicalisation; tailored support plans; reviews at 6 and 12 months.",
     "community safety", O, "statutory", NONE, "EBC", 12, 1.5, 0,
     "POL CCG MHT SECH NPS COLL"),
    ("rad", "Safeguarding from Radicalisation and Extremism Group",
     "Joint sub-group of the SAB and ESCP coordinating how partner agencies meet the legal duty to have due regard to "
     "stopping people being drawn into terrorism: local threat and risk picture, a single training plan for staff, and "
     "engagement with learning providers and places of worship.",
     "community safety;children and young people", E, "statutory", NONE, "EBC", 4, 1.5, 0,
     "POL CCG HOSP MHT SECH FIRE VAE CHURCH"),
    ("asb", "ASB Problem Solving Group",
     "Monthly: high-risk ASB victims & hotspot locations; Community Trigger case reviews; CPNs, injunctions, PSPOs.",
     "community safety", O, "statutory", NONE, "EBC", 12, 2, 0,
     "POL EBH MHA PEH FIRE MHT YEB"),
    ("hate", "Hate Crime and Tension Monitoring Group",
     "Hate crime reporting (incl. third-party reporting centres), community tension monitoring after national and "
     "international events, Hate Crime Awareness Week.",
     "community safety;community", O, "plan", NONE, "POL", 6, 1.5, 5000,
     "EBC MOSQ CHURCH REF VAE PF COLL"),
    ("rr", "Reducing Reoffending Board",
     "IOM cohort; accommodation, ETE and substance misuse pathways for people on probation; transition to the unified "
     "Probation Service (June 2021).",
     "community safety;drugs and alcohol", E, "plan", NONE, "NPS", 4, 2, 0,
     "CRC POL EBC HOR DWP EBH OPCC MHT"),
    ("yjmb", "Youth Justice Management Board",
     "Statutory youth justice partnership (CDA 1998 ss.38-40) overseeing the Youth Justice Service: first-time "
     "entrants, reoffending, use of custody; annual Youth Justice Plan.",
     "children and young people;community safety", E, "statutory", NONE, "EBC", 4, 2, 620000,
     "POL NPS CCG MHT SECH COLL OPCC"),
    ("nte", "Evening and Night-Time Economy Group",
     "Purple Flag; taxi marshals, Street Pastors, Best Bar None; safer nights out.",
     "community safety;economy and regeneration", O, "voluntary", NONE, "BID", 6, 1.5, 12000,
     "POL EBC CHURCH AMB FIRE CHAM"),
    ("road", "Calderfell Safer Roads Partnership",
     "Road casualty reduction across Calderfell: KSI data, safety cameras, Operation Snap, young and older drivers, "
     "motorcyclists.",
     "transport;community safety", E, "voluntary", "joint committee", "POL", 4, 2, 450000,
     "EBC HOLD FIRE AMB OPCC"),
    ("lrf", "Calderfell Local Resilience Forum",
     "Civil Contingencies Act 2004. Multi-agency emergency planning; Community Risk Register; SCG for COVID-19 and "
     "the Feb 2020 floods.",
     "community safety;health", S, "statutory", NONE, "POL", 4, 3, 0,
     "FIRE AMB EBC HOLD CCG HOSP PHE ENV WATER"),

    # ---------------- children and young people
    ("ehb", "Early Help Partnership Board",
     "Strategic oversight of the Early Help offer: the right support at the right time for children and families "
     "with emerging needs, before problems escalate to statutory social care; Early Help Assessment, Team Around the "
     "Family and locality family hubs.",
     "children and young people;community", E, "plan", NONE, "EBC", 6, 2, 0,
     "POL CCG MHT PRIH SECH VAE DWP EBH YEB HOSP FIRE"),
    ("tf", "Troubled Families Programme Board",
     "TF Phase 2 (2015-2021): achieve sustained and significant progress with 2,130 households with multiple "
     "problems - crime/ASB, school attendance, worklessness, DA, health, children in need; PbR claims to MHCLG; "
     "Earned Autonomy.",
     "children and young people;community;employment", E, "funding", NONE, "EBC", 6, 1.5, 1650000,
     "DWP POL CCG PRIH SECH EBH FIRE VAE NPS"),
    ("sf", "Supporting Families Board",
     "Supporting Families (from April 2021). New outcomes framework.",
     "children and young people;community;employment", E, "funding", NONE, "EBC", 6, 1.5, 1580000,
     "DWP POL CCG PRIH SECH EBH FIRE VAE NPS"),
    ("cpb", "Corporate Parenting Board",
     "Elected members, officers and partners make sure the Council acts as a good corporate parent to children in "
     "care and care leavers: the Pledge, placement sufficiency, health assessments, and the care leavers' local "
     "offer.",
     "children and young people", E, "statutory", NONE, "EBC", 6, 2, 0,
     "CCG POL EBH COLL DWP YEB MHT"),
    ("sendpb", "SEND Partnership Board",
     "Implementation of the SEND reforms (Children and Families Act 2014, Part 3): EHCP timeliness, Written Statement "
     "of Action following the 2019 Ofsted/CQC local area inspection, Local Offer, preparing for adulthood.",
     "children and young people;education and skills", E, "statutory", NONE, "EBC", 6, 2, 0,
     "CCG MHT HOSP PCF MAT PRIH SECH COLL"),
    ("sendjc", "SEND Joint Commissioning Group",
     "EBC/CCG joint commissioning for 0-25s with SEND: therapies (SALT, OT, physio), equipment, short breaks, "
     "personal budgets and out-of-area residential placements.",
     "children and young people;health", E, "statutory", NONE, "CCG", 6, 2, 0,
     "EBC HOSP MHT PCF obs:MAT"),
    ("sforum", "Schools Forum",
     "Statutory Schools Forum (Schools Forums (England) Regulations 2012). Consulted on the Dedicated Schools Grant, "
     "local funding formula, high needs block and de-delegation.",
     "education and skills", E, "statutory", NONE, "PRIH", 5, 2, 0,
     "SECH MAT COLL obs:EBC"),
    ("edu", "Eastbrook Education Partnership",
     "School improvement partnership. Narrow the attainment gap for disadvantaged pupils at KS2 and KS4; attendance; "
     "reducing exclusions; teacher recruitment.",
     "education and skills;children and young people", E, "voluntary", NONE, "EBC", 6, 2, 0,
     "MAT PRIH SECH COLL UNI"),
    ("cdop", "Calderfell Child Death Overview Panel",
     "Reviews the deaths of all children normally resident in Eastbrook and Holderdale; identifies modifiable "
     "factors; safer sleep campaign.",
     "children and young people;health", O, "statutory", NONE, "CCG", 6, 3, 0,
     "EBC HOLD POL HOSP AMB PHE MHT"),
    ("bstart", "Best Start Partnership",
     "Best start in life for 0-5s: school readiness, breastfeeding, 2-2.5 year checks, early speech and language, "
     "perinatal.",
     "children and young people;health", E, "plan", NONE, "EBC", 6, 1.5, 0,
     "CCG HOSP MHT PRIH VAE PCF"),
    ("haf", "Holiday Activities and Food Programme Steering Group",
     "DfE HAF 2021: free holiday clubs with a healthy meal for children on benefits-related free school meals - "
     "Easter, summer and Christmas; enrichment, physical activity and nutrition education.",
     "children and young people;culture and leisure", O, "funding", NONE, "EBC", 6, 1.5, 1120000,
     "ROV LEIS YEB VAE SECH PRIH FOOD"),
    ("yp", "Eastbrook Youth Partnership",
     "Statutory and voluntary youth providers: detached youth work, youth centres, youth voice (Youth Council, UK "
     "Youth Parliament elections).",
     "children and young people;community", O, "voluntary", UA, "YEB", 4, 2, 0,
     "EBC ROV LEIS POL CHURCH VAE FIRE"),
    ("neet", "Raising Participation and NEET Group",
     "Track 16 and 17 year olds and reduce those not in education, employment or training (NEET) or 'not known'; "
     "September Guarantee; RPA duty (Education and Skills Act 2008).",
     "education and skills;children and young people", O, "statutory", NONE, "EBC", 6, 1.5, 0,
     "COLL SECH MAT YEB DWP"),

    # ---------------- economy, regeneration, skills, employment
    ("tdb", "Eastbrook Town Deal Board",
     "Towns Fund. Prepared the Town Investment Plan (Oct 2020; Heads of Terms GBP 23.6m, March 2021). Oversees "
     "business cases and delivery: Station Gateway, Mill Quarter, Market Hall. EBC accountable body.",
     "economy and regeneration", S, "funding", NONE, "CHAM", 6, 2, 4700000,
     "ab:EBC LEP COLL UNI BID VAE HER obs:DWP"),
    ("tcrp", "Town Centre Regeneration Partnership",
     "Bring vacant shops and upper floors back into use, improve the public realm on Market Street and around the bus "
     "station, and diversify the centre with more homes, leisure and culture so central Eastbrook thrives again.",
     "economy and regeneration;culture and leisure", E, "plan", NONE, "EBC", 6, 2, 0,
     "BID CHAM FSB HER ARTS POL LAND"),
    ("ktt", "Kelsby Town Team",
     "Kelsby market town: Kelsby Masterplan, market & events, shopfront grants, High Street Heritage Action Zone in "
     "the conservation area.",
     "economy and regeneration;culture and leisure", O, "voluntary", UA, "KTC", 6, 2, 35000,
     "EBC KCA FSB HER POL VAE"),
    ("luf", "Levelling Up Fund Programme Board",
     "LUF round 1 bid & delivery: Riverside Bridge and Kelsby Road corridor improvements.",
     "economy and regeneration;transport", E, "funding", NONE, "EBC", 6, 1.5, 0,
     "LEP CHAM KTC BUS ENV"),
    ("inv", "Invest Eastbrook Group",
     "Inward investment enquiries, key account management of the top 50 employers, Growth Hub referrals.",
     "economy and regeneration", O, "plan", NONE, "EBC", 6, 1.5, 90000,
     "LEP CHAM FSB UNI DWP"),
    ("anch", "Eastbrook Anchor Institutions Network",
     "Community wealth building: anchor institutions using their spend, recruitment and land and buildings to keep "
     "wealth local; social value in procurement.",
     "economy and regeneration;employment", E, "voluntary", NONE, "EBC", 4, 2, 0,
     "HOSP COLL UNI EBH MHA CCG POL FIRE"),
    ("kick", "Kickstart Gateway Partnership",
     "DWP Kickstart Scheme gateway (from Oct 2020): create 6-month job placements, 25 hrs/week at NMW, for 16-24 year "
     "olds on Universal Credit at risk of long-term unemployment; EBC acts as gateway for employers with fewer than "
     "30 vacancies; employability support.",
     "employment;children and young people", E, "funding", NONE, "EBC", 12, 1, 540000,
     "DWP VAE CHAM FSB COLL"),
    ("yeh", "Youth Employment Hub Steering Group",
     "Run the Youth Hub at Brook Street: help jobseekers aged sixteen to twenty-four claiming UC into lasting work, "
     "through work experience, mentoring and one front door to local employers; youth unemployment doubled in the "
     "pandemic.",
     "employment", E, "plan", NONE, "DWP", 6, 1.5, 0,
     "EBC COLL YEB CHAM LEIS"),
    ("alp", "Adult and Community Learning Partnership",
     "Community learning: ESOL, English, maths and digital skills for adults, family learning; AEB and CLR funded "
     "provision.",
     "education and skills", O, "plan", NONE, "COLL", 4, 2, 0,
     "EBC VAE REF DWP AGE"),
    ("dig", "Digital Inclusion Network",
     "Get residents online: device lending, data SIMs, Digital Champions; set up during the first lockdown.",
     "community;education and skills", O, "voluntary", NONE, "VAE", 6, 1.5, 25000,
     "EBC COLL EBH AGE CAB MHA"),
    ("vis", "Visitor Economy Group",
     "Tourism",
     "economy and regeneration;culture and leisure", O, "voluntary", NONE, "EBC", 4, 1.5, 0,
     "BID HER ARTS LEIS ROV KTC"),

    # ---------------- housing
    ("rsi", "Rough Sleeping Initiative Board",
     "MHCLG RSI funding (RSI 3 & 4): outreach, Navigator, Housing First, Somewhere Safe to Stay hub; monthly snapshot "
     "count & returns; aim to end rough sleeping by 2024.",
     "housing;health", E, "funding", NONE, "EBC", 12, 1.5, 640000,
     "EBH MHA HOR MHT POL NPS VAE CCG DAYC"),
    ("shf", "Eastbrook Street Homelessness Forum",
     "Churches, soup runs, the day centre and outreach volunteers working together so nobody has to bed down on "
     "Eastbrook's streets: joint outreach rota, winter night shelter, and moving people off the street into a "
     "settled home.",
     "housing;community", O, "voluntary", UA, "CHURCH", 6, 2, 0,
     "DAYC VAE MOSQ HOR FOOD obs:EBC"),
    ("yphp", "Young People's Housing Pathway Panel",
     "Joint housing/children's services panel for 16-17 year olds presenting as homeless and care leavers: joint "
     "assessments, supported lodgings, pathway accommodation.",
     "housing;children and young people", O, "statutory", NONE, "EBC", 12, 2, 0,
     "EBH MHA PEH YEB"),
    ("prs", "Private Rented Sector Forum",
     "Landlords' and agents' forum: selective licensing (Brookside), MEES, HHSRS, Right to Rent, fire safety in HMOs.",
     "housing", O, "voluntary", NONE, "LAND", 4, 2, 0,
     "EBC FIRE POL CAB EBH"),
    ("fuel", "Affordable Warmth Partnership",
     "Fuel poverty: LAD & Green Homes Grant retrofit, ECO flexible eligibility, winter warmth & health referrals.",
     "housing;health", E, "plan", NONE, "EBC", 4, 1.5, 2100000,
     "EBH MHA CCG AGE CAB FIRE"),

    # ---------------- environment and transport
    ("zcp", "Eastbrook Zero Carbon Partnership",
     "Cross-sector alliance of businesses, anchor institutions and community groups committed to cutting greenhouse "
     "gas emissions across the district to net zero by 2038: shared pledges, carbon literacy training, joint bids for "
     "decarbonisation funding and an emissions baseline.",
     "environment;economy and regeneration", S, "voluntary", "community interest company", "UNI", 4, 2, 15000,
     "CHAM EBC HOSP COLL WILD VAE BUS EBH FSB"),
    ("dtf", "Decarbonisation Task and Finish Group",
     "EPB T&F: GHG baseline & pathway to 2038.",
     "environment", E, "plan", NONE, "EBC", 6, 1.5, 0,
     "UNI HOSP EBH ENV CHAM"),
    ("aq", "Air Quality Steering Group",
     "Local Air Quality Management: NO2 from vehicle emissions in the three AQMAs (Northgate, Kelsby Road, Station "
     "Road); Air Quality Action Plan; anti-idling outside schools; bus retrofit; health messaging.",
     "environment;health;transport", O, "statutory", NONE, "EBC", 4, 1.5, 0,
     "PHE BUS CCG PRIH UNI ENV"),
    ("flood", "Flood Risk Management Partnership",
     "LLFA duties (Flood and Water Management Act 2010): Local Flood Risk Management Strategy, Brook Valley flood "
     "alleviation scheme, property flood resilience after Storms Ciara and Dennis.",
     "environment;community safety", E, "statutory", NONE, "EBC", 4, 2, 0,
     "ENV WATER FIRE KTC WILD"),
    ("lnp", "Eastbrook Nature Partnership",
     "Nature recovery: biodiversity, woodland creation (Northern Forest), green spaces and river corridors; preparing "
     "for Biodiversity Net Gain.",
     "environment", E, "voluntary", NONE, "WILD", 4, 2, 0,
     "EBC ENV UNI WATER VAE KTC"),
    ("waste", "Waste and Recycling Group",
     "Recycling",
     "environment", O, "plan", NONE, "EBC", 4, 1.5, 0,
     "ENV EBH MHA TEN VAE"),
    ("atp", "Active Travel Partnership",
     "Deliver the Local Cycling and Walking Infrastructure Plan (LCWIP) and Emergency Active Travel Fund tranche 1 and "
     "2 schemes: pop-up cycle lanes, School Streets, Bikeability, cycle parking.",
     "transport;environment;health", E, "plan", NONE, "EBC", 6, 1.5, 860000,
     "UNI PHE PRIH SECH CCG BUS"),
    ("busep", "Bus Enhanced Partnership",
     "National Bus Strategy (March 2021): Bus Service Improvement Plan and Enhanced Partnership scheme with operators "
     "- bus priority, fares, frequencies, information.",
     "transport", E, "statutory", NONE, "EBC", 6, 2, 0,
     "BUS CHAM UNI COLL HW"),

    # ---------------- culture, leisure, sport
    ("actnet", "Active Eastbrook Network",
     "Volunteer-led network of sports clubs, community groups and leisure providers helping residents who do little "
     "or no exercise to get moving: walking football, couch to 5k, chair-based exercise for older people, and club "
     "development.",
     "culture and leisure;health", O, "voluntary", UA, "ACT", 6, 2, 8000,
     "ROV LEIS VAE AGE obs:EBC"),
    ("spa", "Sport and Physical Activity Strategy Group",
     "Deliver the Physical Activity & Sport Strategy 2019-24: reduce inactivity levels (Active Lives Survey), increase "
     "participation, particularly among women and girls, disabled people and low-income groups.",
     "culture and leisure;health", E, "plan", NONE, "EBC", 4, 2, 0,
     "LEIS ACT CCG ROV SECH UNI"),
    ("herp", "Eastbrook Heritage Partnership",
     "Heritage at Risk; listed mills; blue plaques; Heritage Open Days.",
     "culture and leisure", O, "voluntary", NONE, "HER", 4, 1.5, 0,
     "EBC ARTS UNI KTC BID"),
    ("lcep", "Eastbrook Cultural Education Partnership",
     "Local Cultural Education Partnership (LCEP): arts and culture for every child and young person; Artsmark, Arts "
     "Award, creative careers.",
     "culture and leisure;children and young people;education and skills", O, "voluntary", NONE, "ARTS", 4, 1.5, 20000,
     "EBC SECH PRIH MAT LEIS COLL"),

    # ---------------- communities
    ("fpa", "Eastbrook Food Poverty Alliance",
     "The Alliance brings food banks, pantries, community cafes, faith groups and statutory partners together so that "
     "no-one in Eastbrook goes hungry: coordinating emergency food provision, sharing surplus stock, and moving people "
     "from crisis support towards affordable food and cash-first advice.",
     "community;health", E, "voluntary", UA, "FOOD", 6, 2, 0,
     "VAE CHURCH MOSQ CAB EBC MHA REF"),
    ("efc", "COVID-19 Emergency Food Cell",
     "Lockdown response: parcel deliveries to households self-isolating or shielding and to low-income families; "
     "central warehouse at Brook Mill; volunteer drivers; links to food banks.",
     "community;health", O, "plan", NONE, "EBC", 52, 1, 450000,
     "VAE FOOD FIRE CHURCH MOSQ POL"),
    ("fitf", "Food Insecurity Task and Finish Group",
     "HWB T&F. Household food insecurity action plan: map emergency provision, improve referral routes, Healthy Start "
     "uptake, cash-first approach.",
     "health;community", E, "plan", NONE, "EBC", 6, 1.5, 0,
     "CCG FOOD CAB VAE DWP HW"),
    ("fen", "Feeding Eastbrook Network",
     "Network of community larders, pantries & food banks - shared referrals, stock and volunteers.",
     "community", O, "voluntary", NONE, "VAE", 12, 1, 0,
     "FOOD CHURCH KCA TEN MOSQ"),
    ("fip", "Financial Inclusion Partnership",
     "Money and debt advice, welfare rights, Universal Credit support, council tax hardship, illegal money lending "
     "awareness.",
     "community;employment", E, "plan", NONE, "CAB", 4, 2, 0,
     "EBC DWP EBH MHA VAE"),
    ("afc", "Armed Forces Covenant Partnership",
     "Local Armed Forces Covenant: housing priority for veterans, employment, veteran-friendly GP practices, Armed "
     "Forces Day.",
     "community", O, "plan", NONE, "EBC", 4, 1.5, 0,
     "VET CCG DWP EBH POL FIRE COLL"),
    ("rmg", "Refugee Resettlement and Migration Group",
     "VPRS and Afghan relocation (ARAP, Aug 2021): housing, ESOL, school places, GP registration; asylum dispersal.",
     "community;housing", O, "plan", NONE, "EBC", 12, 1.5, 0,
     "REF CCG PCN1 COLL POL EBH VAE MHA"),
    ("vcsf", "VCS Leaders' Forum",
     "Collective voice for the voluntary and community sector; elects VCS reps to the EPB and HWB; funding & "
     "commissioning issues.",
     "community", E, "voluntary", UA, "VAE", 6, 2, 0,
     "AGE MIND CAR SFUT YEB ROV REF CAB HOSPICE"),
    ("bhub", "Brookside Community Hub Management Committee",
     "Run the Brookside Community Hub (former library) under a community asset transfer lease from EBC: room hire, "
     "cafe, advice surgeries, youth nights.",
     "community", O, "voluntary", CIO, "BRA", 6, 2, 42000,
     "EBC VAE CHURCH POL CAB"),
    ("ncc", "Northgate Community Centre Management Committee",
     "Run Northgate Community Centre on behalf of residents: bookings, lunch club, after-school club, hall hire.",
     "community", O, "voluntary", CIO, "NCA", 6, 2, 38000,
     "EBC VAE MOSQ POL TEN"),
]

# ---------------------------------------------------------------- truth
GROUPS = [
    ["fpa", "efc", "fitf", "fen"],        # emergency food / food poverty: VCS alliance, Covid cell, HWB T&F, terse network
    ["dapb", "dvf", "dasg"],              # domestic abuse: statutory board, voluntary forum, CSP sub-group
    ["ceb", "zcp", "dtf"],                # climate: council board, cross-sector net zero alliance, terse T&F
    ["ehb", "tf", "sf"],                  # whole-family early help; national programme board and its renamed successor
    ["lscb", "escp"],                     # renamed successor left open, same members
    ["alliance", "place"],                # renamed successor, same members, one side terse
    ["bcf", "ice"],                       # time-limited fund board vs mainstream joint commissioning
    ["hdc", "homefirst"],                 # hospital discharge: Covid cell vs mainstream group
    ["spp", "shs"],                       # same members, one objective empty
    ["dem", "daa"],                       # dementia: NHS/council board vs voluntary alliance
    ["mssg", "asn"],                      # modern slavery: sub-groups of SAB and CSP
    ["prev", "rad"],                      # Prevent duty: board vs safeguarding sub-group, duty reworded
    ["tdb", "tcrp"],                      # Towns Fund board vs mainstream town centre partnership
    ["kick", "yeh"],                      # young people into jobs: national programme vs hub, ages written differently
    ["rsi", "shf"],                       # rough sleeping: funded board vs faith/voluntary forum
    ["actnet", "spa"],                    # getting inactive people active: voluntary network vs council strategy group
]
HARD_NEGATIVES = [
    ("sab", "escp"),        # adults vs children safeguarding
    ("dapb", "marac"),      # DA strategy vs high-risk case conference
    ("prev", "chan"),       # Prevent strategy vs individual case panel
    ("tcrp", "ktt"),        # town centre regeneration in two different towns
    ("zcp", "aq"),          # carbon emissions vs local air pollution
    ("actnet", "atp"),      # physical activity vs cycling/walking infrastructure
    ("daa", "aut"),         # two different conditions, both 'friendly' community work
    ("yeh", "neet"),        # 16-24 jobs vs 16-17 participation in learning
    ("spp", "ccc"),         # population suicide prevention vs crisis care pathway
    ("fpa", "haf"),         # food poverty vs holiday clubs with meals
    ("rsi", "yphp"),        # adult rough sleeping vs 16-17 homeless/care leavers panel
    ("ice", "sendjc"),      # adult vs children's joint commissioning
    ("ehb", "cpb"),         # early help vs children in care
    ("asn", "soc"),         # trafficking victims vs organised crime disruption
    ("hdc", "uec"),         # discharge vs front-door urgent care
    ("bhub", "ncc"),        # same kind of facility, two different wards
]


def main():
    okey = {k: f"EO{i + 1:02d}" for i, (k, *_r) in enumerate(ORGS)}
    # refs are handed out in a fixed shuffled order (as if entered over time), so that neighbouring refs say
    # nothing about related entries; rows are written in ref order.
    order = list(range(len(P)))
    random.Random(2019).shuffle(order)
    pref = {P[j][0]: f"EB{i + 1:03d}" for i, j in enumerate(order)}
    assert len(pref) == len(P), "duplicate partnership key"

    def w(name, header, rows):
        with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
            wr = csv.writer(f)
            wr.writerow(header)
            wr.writerows(rows)

    w("organisations.csv", ["id", "name", "sector", "type"],
      [(okey[k], n, s, t) for k, n, s, t in ORGS])

    prow, mrow = [], []
    roles = {"vc": "vice-chair", "obs": "observer", "ab": "accountable body"}
    for (key, title, obj, themes, layer, basis, legal, lead, mpy, hrs, budget, members) in sorted(P, key=lambda p: pref[p[0]]):
        ref = pref[key]
        prow.append((ref, title, obj, themes, layer, basis, legal, okey[lead], mpy, hrs, budget))
        seen = {lead}
        mrow.append((ref, okey[lead], "chair"))
        for tok in members.split():
            role, _, org = tok.rpartition(":")
            assert org not in seen, (key, org)
            seen.add(org)
            mrow.append((ref, okey[org], roles.get(role, "member")))
        assert 5 <= len(seen) <= 20, (key, len(seen))
    w("partnerships.csv", ["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
                           "meetings_per_year", "meeting_hours", "annual_budget_gbp"], prow)
    w("memberships.csv", ["partnership_ref", "org_id", "role"], mrow)

    truth = {
        "groups": [[pref[k] for k in g] for g in GROUPS],
        "hard_negatives": [[pref[a], pref[b]] for a, b in HARD_NEGATIVES],
        "note": ("Eastbrook (fictional northern unitary council), register c. 2019-2021. Groups are partnerships "
                 "doing the same work; hard negatives share theme, partners or words but do different work. "
                 "Any pair not inside a group is not a duplicate."),
    }
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    print(f"{len(ORGS)} organisations, {len(P)} partnerships, {len(mrow)} memberships, "
          f"{len(GROUPS)} groups, {len(HARD_NEGATIVES)} hard negatives")


if __name__ == "__main__":
    main()
