#!/usr/bin/env python3
"""Write the Kelvedon partnership-register benchmark.

The London Borough of Kelvedon is a made-up outer London borough (Kelvedon Town, Marsh End,
Hatherley, Grove Park East, Old Ford Wharf). The register is written as a policy officer's Word
table pasted into Excel around 2009-2012. Everything here is invented.

Standard library only; writes the same four files every time:
    python3 make.py
into the folder that holds this script.
"""
import csv
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# Organisations: key, name, sector, type.  Ids KO01.. are handed out in this order.
# ---------------------------------------------------------------------------------------------
ORGS = [
    ("lbk", "London Borough of Kelvedon", "public", "London borough council"),
    ("pct", "NHS Kelvedon", "public", "primary care trust"),
    ("met", "Metropolitan Police Service - Kelvedon Borough Operational Command Unit", "public", "police borough command"),
    ("kva", "Kelvedon Voluntary Action", "voluntary", "council for voluntary service"),
    ("kh", "Kelvedon Homes", "public", "arm's length management organisation"),
    ("kth", "Kelvedon and Thameside Hospitals NHS Trust", "public", "acute NHS trust"),
    ("col", "Kelvedon College", "public", "further education college"),
    ("jcp", "Jobcentre Plus - Kelvedon and Thameside District", "public", "government agency"),
    ("lfb", "London Fire Brigade - Kelvedon Borough Command", "public", "fire and rescue service"),
    ("prob", "London Probation Trust - Kelvedon Office", "public", "probation trust"),
    ("yot", "Kelvedon Youth Offending Team", "public", "youth offending team"),
    ("cnx", "Connexions Thames Gateway Ltd", "private", "careers guidance company"),
    ("mh", "East Thames Mental Health NHS Foundation Trust", "public", "mental health NHS foundation trust"),
    ("chs", "Kelvedon Community Health Services", "public", "community health services provider"),
    ("cham", "Kelvedon Chamber of Commerce", "private", "chamber of commerce"),
    ("tglp", "Thames Gateway London Partnership", "public", "sub-regional partnership"),
    ("hca", "Homes and Communities Agency", "public", "national housing and regeneration agency"),
    ("ea", "Environment Agency - Thames Region", "public", "environmental regulator"),
    ("gla", "Greater London Authority", "public", "regional authority"),
    ("lsc", "Learning and Skills Council - London East", "public", "skills funding body"),
    ("gol", "Government Office for London", "public", "government regional office"),
    ("hpa", "Health Protection Agency - East London Health Protection Unit", "public", "health protection agency"),
    ("mha", "Marsh End Housing Association", "voluntary", "housing association"),
    ("oft", "Old Ford Housing Trust", "voluntary", "housing association"),
    ("hhc", "Hatherley Homes Co-operative", "community", "housing co-operative"),
    ("car", "Kelvedon Carers' Centre", "voluntary", "carers' charity"),
    ("age", "Age Concern Kelvedon", "voluntary", "older people's charity"),
    ("mind", "Kelvedon Mind", "voluntary", "mental health charity"),
    ("faith", "Kelvedon Faith Forum", "community", "inter-faith forum"),
    ("rmf", "Kelvedon Refugee and Migrant Forum", "community", "refugee and migrant forum"),
    ("som", "Kelvedon Somali Community Association", "community", "community association"),
    ("pol", "Polish Community Association of Kelvedon", "community", "community association"),
    ("link", "Kelvedon LINk", "community", "local involvement network"),
    ("tra", "Kelvedon Federation of Tenants' and Residents' Associations", "community", "tenants' federation"),
    ("mera", "Marsh End Residents' Association", "community", "residents association"),
    ("hcom", "Hatherley Community Association", "community", "community association"),
    ("gpe", "Grove Park East Neighbourhood Forum", "community", "neighbourhood forum"),
    ("ofw", "Old Ford Wharf Residents' Group", "community", "residents association"),
    ("ykc", "Kelvedon Youth Council", "community", "youth council"),
    ("bid", "Kelvedon Town Centre BID Ltd", "private", "business improvement district company"),
    ("ofd", "Old Ford Wharf Developments Ltd", "private", "property developer"),
    ("shf", "Kelvedon Secondary Heads' Forum", "public", "headteachers' forum"),
    ("phf", "Kelvedon Primary Heads' Forum", "public", "headteachers' forum"),
    ("mea", "Marsh End Academy", "public", "academy school"),
    ("lep", "Kelvedon Learning Partnership LEP Ltd", "private", "BSF local education partnership company"),
    ("barn", "Barnardo's Kelvedon Services", "voluntary", "children's charity"),
    ("afc", "Action for Children - Kelvedon Children's Centres", "voluntary", "children's charity"),
    ("addx", "Addaction Kelvedon", "voluntary", "drug and alcohol treatment charity"),
    ("stg", "St Giles Trust", "voluntary", "offender and gangs charity"),
    ("thm", "London Borough of Thameside", "public", "London borough council"),
    ("klt", "Kelvedon Leisure Trust", "voluntary", "leisure trust"),
    ("locog", "London Organising Committee of the Olympic and Paralympic Games", "private", "games organising committee"),
    ("nla", "National Landlords Association - Kelvedon Branch", "private", "landlords' association"),
    ("cab", "Kelvedon Citizens Advice Bureau", "voluntary", "advice charity"),
    ("gpc", "Kelvedon Central GP Commissioning Consortium", "private", "GP commissioning consortium"),
    ("gpm", "Marsh End and Hatherley GP Commissioning Consortium", "private", "GP commissioning consortium"),
    ("tfl", "Transport for London", "public", "transport authority"),
    ("grw", "Groundwork Thames Gateway", "voluntary", "environmental regeneration charity"),
    ("kwa", "Kelvedon Women's Aid", "voluntary", "domestic abuse charity"),
    ("pes", "Pathways Employment Services Ltd", "private", "welfare-to-work provider"),
    ("thw", "Thames Water Utilities Ltd", "private", "water and sewerage company"),
    ("trk", "Transition Kelvedon", "community", "community environmental group"),
    ("bwa", "Kelvedon Bangladeshi Welfare Association", "community", "community association"),
]

THEME = {
    "H": "health", "CS": "community safety", "CYP": "children and young people", "OP": "older people",
    "ER": "economy and regeneration", "ES": "education and skills", "HO": "housing", "EN": "environment",
    "TR": "transport", "CL": "culture and leisure", "CO": "community", "DA": "drugs and alcohol",
    "EM": "employment",
}

# ---------------------------------------------------------------------------------------------
# Partnerships, in register order (the LSP first, then each thematic partnership followed by
# its sub-groups).  Fields:
#   key, title, objective, themes, layer, basis, legal_status, members, meetings, hours, budget
# members: space-separated org keys; the first is the lead and chair; "+" vice-chair,
# "$" accountable body, "~" observer; the rest are members.
# ---------------------------------------------------------------------------------------------
S, E, O = "strategic", "executive", "operational"
ST, FU, PL, VO = "statutory", "funding", "plan", "voluntary"
NONE, CLG, CIO, CIC, UA, JC = ("none", "company limited by guarantee", "charitable incorporated organisation",
                               "community interest company", "unincorporated association", "joint committee")

# members shared by pairs that are the same body entered twice
M_CDRP = "lbk +met lfb prob pct kh kva yot addx tra mha"
M_CYPSP = "lbk +pct met col cnx shf phf kva barn afc yot kth ykc jcp"
M_WORK = "lbk +jcp col kva pes cham kh pct"
M_2012 = "lbk +klt cham col jcp kva locog gla ykc"

WARD_PANEL = ("Safer Neighbourhoods ward panel for {w}: local residents agree the SNT's three "
              "neighbourhood priorities each quarter and review progress; {issues}; Neighbourhood Watch "
              "and PACT meetings; issues escalated to the JTCG.")
CC_BOARD = ("Advisory board for {c}: parents, health visitors, Jobcentre Plus and local schools oversee the "
            "centre's core offer for under-5s and their families in {a}; reach and registration figures; "
            "{extra}; annual conversation with the LA; parents' forum feedback.")

P = [
    # ---------------- Local Strategic Partnership ----------------
    ("lsp", "Kelvedon Together - the Local Strategic Partnership for the London Borough of Kelvedon",
     "Overarching partnership of the public, private, voluntary & community sectors in the London Borough of "
     "Kelvedon. Owns the Sustainable Community Strategy 'Kelvedon 2020: One Borough, Five Places' and the LAA "
     "2008-11; sets shared priorities for Kelvedon Town, Marsh End, Hatherley, Grove Park East & Old Ford Wharf; "
     "performance manages the thematic partnerships; annual LSP conference.",
     "CO;ER;H;CS;CYP;HO", S, PL, NONE,
     "lbk +kva pct met kh kth col jcp lfb prob cham faith tra bid ykc hca ~gol", 4, 2.5, 45000),
    ("lspexec", "KT: Executive Board (LSP Executive Group)",
     "Chief officers' executive of Kelvedon Together. Prepares LSP agendas; agrees LAA refresh & negotiation with "
     "GOL; allocates WNF and Performance Reward Grant; escalates red-rated NIs; commissions Total Place work.",
     "CO;ER", E, PL, NONE, "lbk +pct met kva kh jcp col ~gol", 10, 2, 0),
    ("wnf", "Working Neighbourhoods Fund (WNF) Programme Board 2008-11",
     "Commission & monitor the WNF grant (GBP4.2m a year, ends March 2011) for back-to-work projects in the "
     "Marsh End, Old Ford Wharf & Hatherley SOAs: outreach & jobs brokerage; in-work support; ESOL for "
     "employment; childcare for lone parents; output & job-entry claims.",
     "EM;ER", E, FU, NONE, "lbk jcp kva pes col mha som", 6, 2, 4200000),
    ("laa", "KT: LAA Performance & Delivery Group (Kelvedon LAA 2008-11)",
     "Quarterly performance clinic for the 35 designated LAA improvement targets + 16 DCSF statutory targets. "
     "Exception reports for NIs off-track (eg NI 152, NI117, NI 112, NI 16); data quality; target refresh; "
     "performance reward grant claim 2011.",
     "CO", O, PL, NONE, "lbk pct met kva jcp kh col", 4, 2, 0),
    ("tp", "Total Place Kelvedon - Pilot Programme Board 2009/10",
     "HM Treasury Total Place pilot: count all public money spent in Kelvedon (approx GBP1.9bn across 70+ "
     "agencies); 'deep dives' on early years and on drugs & alcohol; find duplication and cost-shunting "
     "between agencies; final report to HMT March 2010.",
     "CO;ER", E, FU, NONE, "lbk +pct met kva jcp kh col prob kth lfb", 8, 2, 250000),
    ("cb", "Kelvedon Community Budget: Families with Complex Needs (Phase 1, 2011-12)",
     "DCLG community budget pilot. Pooled budget from LBK, NHS Kelvedon, the Met, probation & JCP for around "
     "300 'troubled families' with multiple problems - no-one working, crime/ASB, truancy, DV, substance "
     "misuse; one lead professional per family; payment by results; evaluation of costs avoided.",
     "CYP;CS;CO", E, FU, NONE, "lbk pct met prob jcp kh kva yot afc", 10, 2, 1800000),
    ("comms", "KT: Communications, Consultation & Engagement Group",
     "Joint consultation calendar; Kelvedon Residents' Panel; follow-up of Place Survey 2008 (NI 1, NI 4, NI 5 "
     "satisfaction with local area); 'You Said, We Did'; partner newsletters.",
     "CO", O, PL, NONE, "lbk pct met kva kh lfb col", 6, 1.5, 20000),

    # ---------------- Health ----------------
    ("hwb", "KT: Health & Wellbeing Board",
     "Health thematic partnership of Kelvedon Together. Close the life expectancy gap between Marsh End/Old Ford "
     "Wharf & the rest of the borough; lead on the LAA health NIs (NI 39, NI 56, NI 112, NI 120, NI 123); JSNA; "
     "health inequalities; healthy places.",
     "H", S, PL, NONE, "pct +lbk kth mh chs kva link age klt met hpa", 6, 2, 0),
    ("life", "Narrowing the Gap - Life Expectancy (Spearhead) Action Group",
     "Kelvedon is a Spearhead PCT: cut all-age all-cause mortality (NI120) and early deaths from CVD & cancer "
     "(NI121, NI122); NHS Health Checks for 40-74s; targeted stop smoking in Marsh End; Kelvedon Health Trainers.",
     "H;OP", O, PL, NONE, "pct lbk kth chs kva gpc gpm", 6, 1.5, 300000),
    ("alcohol", "Kelvedon Alcohol Harm Reduction Strategy Group",
     "NI 39 alcohol-related hospital admissions; identification & brief advice (IBA) in GP surgeries & A&E; "
     "alcohol liaison nurse at Kelvedon General; capacity of specialist treatment; link to licensing policy.",
     "H;DA", O, PL, NONE, "pct kth lbk addx mh gpc met", 4, 2, 200000),
    ("sexh", "NHS Kelvedon Sexual Health Commissioning Group (GUM, HIV & NCSP)",
     "Commission open-access GUM clinics and HIV treatment & care; National Chlamydia Screening Programme for "
     "15-24s (NI 113); late HIV diagnosis; community contraception services for adults; GUM PbR tariff; "
     "sexual health needs assessment.",
     "H", O, PL, NONE, "pct kth chs lbk kva hpa gpc", 4, 2, 0),
    ("ypsh", "Health & Wellbeing - Young People's Sexual Health Sub-group",
     "Under 18s: get contraception & the C-Card condom scheme into youth clubs, pharmacies and school nurse "
     "drop-ins; better SRE/PSHE in secondary schools; targeted work with looked-after girls and those out of "
     "school; fewer conceptions in the hotspot wards.",
     "H;CYP", O, PL, NONE, "pct lbk chs kva barn shf ykc", 6, 1.5, 60000),
    ("tbcb", "NHS Kelvedon TB Control Board",
     "TB incidence c.55/100,000 (London hotspot). Implement NICE CG117 & the TB Action Plan: new entrant "
     "screening incl. LTBI; neonatal BCG in high-incidence wards; DOT & enhanced case management; contact "
     "tracing with the HPU; TB nurse caseloads; cohort review.",
     "H", O, PL, NONE, "pct kth hpa chs lbk gpc", 4, 2, 180000),
    ("hprot", "Kelvedon Health Protection Forum (Immunisation & Infection Control)",
     "Childhood immunisation uptake (MMR2, DTaP/IPV pre-school booster); seasonal flu & H1N1 pandemic "
     "vaccination 2009; HCAI - MRSA & C. difficile; outbreak plans with the HPU; infection control in care "
     "homes.",
     "H", O, PL, NONE, "pct hpa kth chs lbk gpc gpm age", 4, 2, 0),
    ("hwhl", "Healthy Weight, Healthy Lives Kelvedon Steering Group",
     "Child obesity: NI 55 & NI 56 (obesity in Reception & Year 6) - NCMP measurement & parent feedback "
     "letters; MEND programmes; breastfeeding & weaning; fast food outlets near schools; Change4Life.",
     "H;CYP", O, PL, NONE, "pct +lbk chs klt phf kva afc", 6, 2, 150000),
    ("mhpb", "Kelvedon Mental Health Partnership Board",
     "Adult mental health: New Horizons locally; recovery & social inclusion; NI 150 adults in contact with "
     "secondary MH services in employment; crisis care & acute beds; BME access to services; carers.",
     "H", S, PL, NONE, "pct +lbk mh mind car kva link jcp met", 4, 2, 0),
    ("gpcc", "Kelvedon Clinical Commissioning - GP Consortia Pathfinder Shadow Board",
     "Liberating the NHS: the two GP consortia (Kelvedon Central; Marsh End & Hatherley) take delegated "
     "commissioning budgets from NHS Kelvedon in 2011/12; build on practice-based commissioning; QIPP savings; "
     "prepare for authorisation.",
     "H", E, PL, NONE, "gpc +gpm pct kth mh lbk link", 12, 2, 0),
    ("mighealth", "Migrant Health & Access to Primary Care Working Group",
     "New arrivals & asylum seekers: GP registration without proof-of-address barriers; interpreting & health "
     "advocacy; health assessments for refugees; access to maternity care for Polish and Somali women.",
     "H;CO", O, VO, NONE, "pct rmf som pol kva gpc cab", 4, 1.5, 25000),
    ("link", "Kelvedon LINk Stewardship Board",
     "Local Involvement Network hosted by KVA: patient & public voice in health and social care; enter & view "
     "visits; reports to the PCT and OSC; transition to Local HealthWatch.",
     "H;CO", O, ST, NONE, "link $kva pct lbk age mind car", 6, 2, 140000),

    # ---------------- Adults and older people ----------------
    ("opb", "Kelvedon Older People's Partnership Board",
     "Putting People First & the Kelvedon Ageing Well strategy: over-65s living independently at home "
     "(NI 139); falls prevention; intermediate care & reablement; winter pressures; social isolation; older "
     "people's voice via the 50+ Forum.",
     "OP;H", S, PL, NONE, "lbk +pct age kth chs kva car kh tra", 4, 2, 0),
    ("carers", "Kelvedon Carers' Partnership Board",
     "National Carers Strategy 2008: carers' assessments & services (NI 135); carers' breaks; young carers "
     "identified through schools; carers' emergency card; GP carers' registers.",
     "OP;H;CYP", O, PL, NONE, "car +lbk pct age mind kva chs", 4, 2, 250000),
    ("sab", "Kelvedon Safeguarding Adults Board",
     "No Secrets multi-agency policy & procedures; alerts & referrals; serious case reviews; Mental Capacity "
     "Act & DoLS; multi-agency training; annual report.",
     "OP;H;CS", S, ST, NONE, "lbk pct met kth mh chs age kh prob", 4, 2, 40000),
    ("ldpb", "Learning Disability Partnership Board (Valuing People Now)",
     "Valuing People Now: adults with learning disabilities in settled accommodation (NI 145) & paid work "
     "(NI 146); health action plans & annual GP health checks; day opportunities modernisation; self-advocates "
     "co-chair.",
     "H;HO;EM", S, ST, NONE, "lbk pct chs kva car jcp col", 4, 2, 0),
    ("fuel", "Kelvedon Affordable Warmth & Fuel Poverty Group",
     "NI187 households on income-related benefits in homes with low energy efficiency; Warm Front & CERT "
     "referrals; excess winter deaths; boiler scrappage; Kelvedon Homes cavity wall & loft programme.",
     "HO;OP;EN", O, PL, NONE, "lbk kh age pct cab grw mha", 4, 1.5, 60000),

    # ---------------- Community safety ----------------
    ("cdrp", "Kelvedon Crime & Disorder Reduction Partnership (CDRP)",
     "Statutory partnership of the responsible authorities under ss.5-7 Crime and Disorder Act 1998 (as amended "
     "2006). Annual strategic assessment; rolling 3-year Community Safety Plan 2008-11; serious acquisitive "
     "crime (NI 16), ASB (NI 17), repeat DV (NI 32), reoffending (NI 18); public confidence (NI 21, NI 27).",
     "CS", S, ST, NONE, M_CDRP, 4, 2, 350000),
    ("syv", "Kelvedon Serious Youth Violence & Knife Crime Board (TKAP)",
     "Tackling Knives Action Programme borough. Knife & weapon carrying by under-20s; group offending and "
     "postcode rivalries in Marsh End & Old Ford Wharf; stop & search and weapons sweeps; A&E data sharing; "
     "knife crime talks in secondary schools; mentoring & diversion for young men involved.",
     "CS;CYP", E, FU, NONE, "met $lbk kth yot shf kva stg ykc", 6, 2, 120000),
    ("csp", "Safer Kelvedon \u2013 Community Safety Partnership (CSP)",
     "The police, council, fire brigade, probation trust and NHS working as one to make Kelvedon safer. "
     "Partnership plan refreshed every year from the joint intelligence assessment; cut burglary, robbery & "
     "vehicle crime; deal with nuisance behaviour; keep residents' trust that local agencies act on what "
     "matters to them.",
     "CS", S, ST, NONE, M_CDRP, 4, 2, 300000),
    ("jtcg", "CSP - Joint Tasking & Coordinating Group (JTCG)",
     "Fortnightly problem-solving: hotspot analysis from police & council data; repeat ASB victims; deploy "
     "Safer Neighbourhoods teams, wardens, CCTV & Kelvedon Homes estate officers; National Intelligence Model.",
     "CS", O, ST, NONE, "met +lbk kh lfb yot prob", 24, 2, 0),
    ("gangs", "CSP \u2013 Gangs Sub-group",
     "SYV & gang-affiliated offending: gang matrix/nominal list; enforcement + exit (St Giles SOS project); "
     "NI 15 serious violent crime; gang injunctions from 2011; info sharing with YOT & schools; review after "
     "the August 2011 disorder.",
     "CS;CYP", O, PL, NONE, "met lbk yot prob stg kh barn", 12, 2, 180000),
    ("nte", "Kelvedon Town Centre Night-Time Economy & Violent Crime Group",
     "Alcohol-related violence in Kelvedon Town centre Thu-Sat nights (NI 15 serious violent crime; NI 20 "
     "assault with injury); licensing reviews & cumulative impact zone; Best Bar None; taxi marshals; street "
     "pastors; A&E data sharing (Cardiff model).",
     "CS;DA", O, PL, NONE, "met lbk bid kth faith lfb", 6, 1.5, 40000),
    ("asbag", "Kelvedon ASB Action Group (ASBAG)",
     "Case panel for named ASB perpetrators aged 10+: warning letters, ABCs, ASBOs & injunctions; Kelvedon Homes "
     "& housing association tenancy enforcement; victim & witness support; NI 17 perceptions of ASB.",
     "CS;HO", O, PL, NONE, "lbk met kh mha oft yot", 12, 2, 0),
    ("dvf", "Kelvedon Domestic Violence Forum",
     "Practitioners' forum: DV strategy & awareness (White Ribbon, 16 days of action); multi-agency training; "
     "refuge & outreach provision; Sanctuary scheme; BME & LGBT victims; specialist DV court.",
     "CS", S, VO, UA, "kwa lbk met pct kva kh cab", 6, 2, 0),
    ("marac", "Kelvedon MARAC (Multi-Agency Risk Assessment Conference)",
     "Monthly case conference on high-risk domestic abuse victims (CAADA-DASH): share information, agree a "
     "safety plan for each case, IDVA support; NI 32 repeat incidents; MARAC steering & audit.",
     "CS", O, PL, NONE, "met kwa lbk pct kh prob kth", 12, 3, 45000),
    ("iom", "Kelvedon Integrated Offender Management (IOM) & PPO Scheme Board",
     "Prolific & priority offenders and other serious acquisitive offenders: catch & convict, rehabilitate & "
     "resettle; NI 30 PPO reoffending; Drug Interventions Programme; housing & ETE pathways for ex-offenders.",
     "CS;DA", E, PL, NONE, "prob met lbk addx kh jcp", 6, 2, 220000),
    ("yotmb", "Kelvedon Youth Offending Team (YOT) Management Board",
     "Statutory YOT board (s.39 CDA 1998): youth justice plan; NI 111 first-time entrants; NI 19 reoffending by "
     "young offenders; NI 43 custody; NI 45 YOT ETE; NI 46 suitable accommodation; YJB grant conditions.",
     "CS;CYP", E, ST, NONE, "lbk met prob pct cnx shf yot", 4, 2, 0),
    ("daat", "Kelvedon DAAT Board (Drug & Alcohol Action Team)",
     "Adult drug treatment: pooled treatment budget; NI 40 drug users in effective treatment; DIP; young "
     "people's substance misuse plan; needle exchange; re-tender of the treatment system 2011 (recovery).",
     "DA;H;CS", E, PL, NONE, "lbk pct met prob addx mh kth", 6, 2, 2400000),
    ("cpcg", "Kelvedon Police & Community Consultative Group (CPCG)",
     "Arrangements under s.96 Police Act 1996 for obtaining the views of the community on policing in the "
     "borough: public meetings with the Borough Commander; scrutiny of stop & search; Independent Advisory "
     "Group; MPA liaison; lay visitors.",
     "CS;CO", S, ST, NONE, "faith lbk met kva ykc som bwa", 4, 2, 8000),
    ("wpme", "Marsh End Ward Panel (Safer Neighbourhoods)",
     WARD_PANEL.format(w="Marsh End", issues="current issues: drug dealing in stairwells, youths gathering at "
                       "the Kingsmead shops, fly-tipping"),
     "CS;CO", O, VO, NONE, "mera met lbk kh mha faith", 4, 1.5, 0),
    ("wpofw", "Safer Neighbourhoods Ward Panel - Old Ford Wharf",
     WARD_PANEL.format(w="Old Ford Wharf", issues="current issues: vehicle crime on the new riverside "
                       "developments, begging at the DLR station, cycling on the towpath"),
     "CS;CO", O, VO, NONE, "ofw met lbk oft ofd kva", 4, 1.5, 0),
    ("wphat", "SNT Ward Panel: Hatherley",
     WARD_PANEL.format(w="Hatherley", issues="current issues: burglary, speeding on Hatherley Rise, "
                       "street drinking in the park"),
     "CS;CO", O, VO, NONE, "hcom met lbk hhc kh bwa", 4, 1.5, 0),
    ("wpgpe", "Grove Park East Safer Neighbourhoods Ward Panel",
     WARD_PANEL.format(w="Grove Park East", issues="current issues: theft from cars, noise from HMOs, "
                       "school-run parking"),
     "CS;CO", O, VO, NONE, "gpe met lbk kh pol faith", 4, 1.5, 0),
    ("wpkt", "Kelvedon Town Ward Panel (SNT)",
     WARD_PANEL.format(w="Kelvedon Town", issues="current issues: shoplifting, aggressive begging, "
                       "cycling on the pavement in the High Street"),
     "CS;CO", O, VO, NONE, "tra met lbk bid kh faith", 4, 1.5, 0),
    ("wpchairs", "Kelvedon Ward Panel Chairs' Network",
     "Ward panel chairs from across Kelvedon meet the borough's police commander every quarter to raise what "
     "residents are saying about local policing, comment on the borough policing plan and on how officers use "
     "their powers, and compare notes between wards.",
     "CS;CO", S, VO, UA, "mera hcom gpe ofw tra met", 4, 2, 0),
    ("prevent", "Kelvedon Prevent (PVE) Partnership Board",
     "Preventing Violent Extremism: NI 35 building resilience to violent extremism; Prevent funding 2008-11; "
     "Channel referrals; work with mosques, supplementary schools & youth projects; feeds tension monitoring.",
     "CO;CS", E, FU, NONE, "lbk met faith kva som col shf", 6, 2, 250000),

    # ---------------- Children and young people ----------------
    ("cypsp", "Kelvedon Children and Young People's Strategic Partnership (CYPSP)",
     "Children's trust arrangements under s.10 Children Act 2004: the five Every Child Matters outcomes; owns "
     "the CYPP 2009-12; joint commissioning & pooled budgets; LAA children's NIs.",
     "CYP;ES;H", S, ST, NONE, M_CYPSP, 4, 2.5, 0),
    ("tpb", "Kelvedon Teenage Pregnancy Partnership Board",
     "Teenage pregnancy strategy for the borough: halve the under-18 conception rate against the 1998 baseline "
     "(NI 112); young people-friendly contraceptive & sexual health services ('You're Welcome'); sex & "
     "relationships education in schools; focus on Marsh End & Old Ford Wharf; TP coordinator.",
     "CYP;H", S, PL, NONE, "lbk +pct chs barn shf cnx kva afc", 4, 2, 180000),
    ("teens", "Kelvedon Teens, Sex & Relationships Network",
     "Youth workers, school nurses, faith groups and charities working with teenagers share practice so fewer "
     "Kelvedon girls become pregnant before 18: relationships & self-esteem sessions, free condom schemes, "
     "confidential advice drop-ins in Marsh End.",
     "CYP;H", O, VO, UA, "barn kva faith chs ykc afc", 6, 2, 0),
    ("ctb", "Kelvedon Children's Trust Board",
     "Statutory Children's Trust Board from April 2010 (Apprenticeships, Skills, Children and Learning Act 2009). "
     "Prepare, publish & monitor the joint Children and Young People's Plan; hold partners to the duty to "
     "co-operate; Think Family; narrow the gaps for vulnerable groups.",
     "CYP;ES;H", S, ST, NONE, M_CYPSP, 4, 2.5, 0),
    ("lscb", "Kelvedon Local Safeguarding Children Board (LSCB)",
     "Statutory under s.13 Children Act 2004 & Working Together 2010: co-ordinate and ensure the effectiveness "
     "of what partners do to safeguard children; serious case reviews; child death overview panel; "
     "multi-agency child protection training; private fostering; independent chair.",
     "CYP;CS", S, ST, NONE, "lbk pct met kth mh prob cnx shf phf kva barn yot afc", 4, 3, 90000),
    ("behealthy", "Children's Trust - Be Healthy Sub-group (Child Weight)",
     "Fewer children carrying excess weight at 4-5 and at 10-11: school meals take-up & nutrition standards; "
     "active travel to school; after-school physical activity; family cook-and-eat courses at children's "
     "centres; follow-up of weigh-and-measure results with parents.",
     "CYP;H", O, PL, NONE, "lbk pct phf shf chs afc klt", 6, 1.5, 0),
    ("schfood", "Kelvedon Schools Food & Fitness Forum",
     "Heads, PE coordinators, caterers & parents: get pupils eating better and moving more - packed-lunch "
     "policy, water-only schools, a daily run, cookery clubs, healthy tuck shops; share the results of the "
     "annual weighing of pupils.",
     "CYP;H;ES", O, VO, UA, "phf shf mea klt kva ~pct", 4, 1.5, 0),
    ("streetgrp", "Children's Trust - Young People at Risk from Street Groups Working Group",
     "Safeguard teenagers being drawn into street groups & postcode rivalries: early identification in schools "
     "& the PRU; exit & relocation with Kelvedon Homes; mentoring; support for younger siblings; girls "
     "affected by groups.",
     "CYP;CS", O, PL, NONE, "lbk barn yot shf met kva kh", 6, 1.5, 50000),
    ("fip", "Kelvedon Family Intervention Project (FIP) Steering Group",
     "Think Family: intensive whole-family intervention for households at the sharp end - ASB, offending, "
     "children missing school, parental drug/alcohol misuse; assertive key worker with small caseload; "
     "contract & sanctions; step-down to parenting support.",
     "CYP;CS;CO", E, PL, NONE, "lbk afc met kh yot addx pct", 6, 2, 420000),
    ("1419", "Kelvedon 14-19 Partnership",
     "14-19 entitlement: Diploma lines (5 by 2010); Raising the Participation Age to 17 from 2013; post-16 "
     "commissioning with YPLA from 2010; September Guarantee; progression & apprenticeships.",
     "ES;CYP", E, PL, NONE, "lbk col shf mea cnx lsc jcp", 6, 2, 0),
    ("neet", "14-19 Partnership - NEET Reduction Group",
     "NI 117 16-18 NEET (target 5.9% Nov 2010) & 'not known' (CCIS); Connexions tracking; re-engagement "
     "provision (E2E, Foundation Learning); NEET hotspots Marsh End & Old Ford Wharf; teenage parents & care "
     "leavers EET.",
     "ES;CYP;EM", O, PL, NONE, "cnx lbk col jcp kva barn yot", 12, 1.5, 95000),
    ("cnxlmc", "Connexions Kelvedon Local Management Committee",
     "Oversee the Connexions Thames Gateway contract for Kelvedon: universal & targeted IAG for 13-19s (to 25 "
     "with LDD); PAs in schools; careers education & guidance quality (Matrix); Connexions Direct; contract "
     "KPIs; move to the all-age careers service 2012.",
     "ES;CYP", E, FU, NONE, "lbk cnx shf col ykc lsc", 4, 2, 1100000),
    ("bsf", "Building Schools for the Future (BSF) Kelvedon Project Board",
     "BSF Wave 6: rebuild/remodel 9 secondary schools, 2 special schools & the PRU; LEP with Kelvedon Learning "
     "Partnership; ICT managed service; Partnerships for Schools gateway reviews; programme stopped July 2010 "
     "- 3 sample schemes continue.",
     "ES;CYP", E, FU, NONE, "lbk lep shf mea col kva ykc", 12, 2, 24000000),
    ("pcp", "Primary Capital Programme & School Places Board",
     "Primary Capital Programme (PCP) 2009-11: rebuild or refurbish worst-condition primary schools; bulge "
     "classes & permanent expansions for rising reception rolls in Hatherley & Grove Park East; Basic Need; "
     "school place planning.",
     "ES;CYP", E, FU, NONE, "lbk phf faith lep afc kva", 6, 2, 12000000),
    ("schforum", "Kelvedon Schools Forum", "",
     "ES;CYP", E, ST, NONE, "shf lbk phf mea lep afc", 6, 2, 0),
    ("scc", "Sure Start Children's Centres Strategic Group",
     "17 children's centres (phases 1-3) covering all under-5s; core offer; reach into workless & "
     "teenage-parent families; NI 72 EYFS; Ofsted inspection readiness; commissioning of voluntary-run "
     "centres.",
     "CYP;H", E, ST, NONE, "lbk afc pct barn chs jcp kva", 4, 2, 5200000),
    ("ccme", "Marsh End Children's Centre Advisory Board",
     CC_BOARD.format(c="Marsh End Children's Centre", a="Marsh End and the Kingsmead estate",
                     extra="stay & play and a dads' group"),
     "CYP;H", O, ST, NONE, "afc lbk pct jcp mera phf", 4, 2, 0),
    ("cchat", "Hatherley Sure Start Children's Centre - Advisory Board",
     CC_BOARD.format(c="Hatherley Sure Start Children's Centre", a="Hatherley",
                     extra="Bangladeshi mothers' group and speech & language drop-in"),
     "CYP;H", O, ST, NONE, "lbk afc pct jcp hcom bwa", 4, 2, 0),
    ("cp", "Kelvedon Child Poverty Strategy Group",
     "Child Poverty Act 2010 duties: local child poverty needs assessment & strategy; NI 116 proportion of "
     "children in poverty; benefit & tax credit take-up; affordable childcare; free school meals "
     "auto-enrolment; housing costs.",
     "CYP;CO", E, ST, NONE, "lbk pct jcp kva cab afc kh", 4, 2, 0),
    ("corpar", "Corporate Parenting Board (Looked After Children)",
     "LAC & care leavers: NI 62-63 placement stability, NI 99-101 attainment of children in care, NI 147-148 "
     "care leavers in suitable accommodation & EET; Children in Care Council.",
     "CYP", E, ST, NONE, "lbk pct kh col cnx barn ykc", 4, 2, 0),

    # ---------------- Economy and employment ----------------
    ("econ", "Kelvedon Works - Economic Development & Enterprise Partnership",
     "Economy & enterprise theme of the SCS: business growth & inward investment; VAT-registered business "
     "starts (NI 171); town centres; worklessness & skills; Thames Gateway & 2012 employment opportunities; "
     "recession response 2009.",
     "ER;EM;ES", S, PL, NONE, "lbk +cham jcp col bid tglp gla kva pes kh ofd", 4, 2, 0),
    ("work", "Kelvedon Works - Worklessness & Employment Board",
     "NI 152 working age people on out of work benefits & NI 153 in the worst performing neighbourhoods; JSA, "
     "ESA/IB & lone parent claimants; integrated employment & skills offer; Flexible New Deal & Work Programme "
     "interface; contributes to NI 116.",
     "EM;ER", E, PL, NONE, M_WORK, 6, 2, 0),
    ("jep", "LBK / Jobcentre Plus Joint Employment Partnership", "Worklessness.",
     "EM", E, PL, NONE, M_WORK, 6, 2, 0),
    ("neet2", "KW: Young People into Learning & Work Group",
     "Get 16 to 18-year-olds who have dropped out of school, college, training or a job back on track: "
     "outreach by personal advisers; short re-engagement courses; apprenticeship places with local "
     "employers; follow up school leavers whose destination is unknown.",
     "EM;CYP;ES", O, PL, NONE, "lbk cham col cnx pes kva jcp", 6, 1.5, 60000),
    ("enterprise", "Kelvedon Works - Enterprise & Business Support Group",
     # copied verbatim from the parent board
     "Economy & enterprise theme of the SCS: business growth & inward investment; VAT-registered business "
     "starts (NI 171); town centres; worklessness & skills; Thames Gateway & 2012 employment opportunities; "
     "recession response 2009.",
     "ER", O, PL, NONE, "cham lbk bid kva col", 6, 1.5, 75000),
    ("fjf", "Future Jobs Fund Kelvedon Consortium Board (FJF)",
     "DWP Future Jobs Fund 2009-11: create 450 six-month paid jobs (25 hrs/wk at NMW) for 18-24s claiming JSA "
     "for 6+ months (Young Person's Guarantee) with council, NHS & voluntary sector employers; placement "
     "supervision; progression to sustained work.",
     "EM;CYP", E, FU, NONE, "lbk jcp kva pct kh pes", 6, 2, 2900000),
    ("intowork", "Kelvedon Into Work Network",
     "Open network of community organisations, charities & social enterprises that help unemployed local "
     "people find a job: job clubs, CV and interview help, volunteering as a route to work, referrals between "
     "members so jobseekers are not passed from pillar to post.",
     "EM;CO", O, VO, UA, "kva cab som pol mind mha hcom", 6, 2, 0),
    ("skills", "Kelvedon Adult Skills & ESOL Partnership",
     "NI 163 & NI 164 working-age adults qualified to L2 & L3; Skills for Life (NI 161, NI 162); ESOL for new "
     "communities; Train to Gain; Skills Funding Agency from 2010.",
     "ES;EM", O, PL, NONE, "col lbk lsc jcp kva rmf pol", 4, 2, 0),
    ("labour", "Old Ford Wharf Local Labour & Business Scheme (s106)",
     "Section 106 obligations on the Old Ford Wharf developments: local residents in construction jobs (target "
     "25%), construction apprenticeships, local supply-chain contracts; CSCS card training.",
     "ER;EM", O, PL, NONE, "lbk ofd col jcp cham", 6, 1.5, 150000),

    # ---------------- Regeneration, transport, environment ----------------
    ("tg", "Thames Gateway Kelvedon Regeneration Board",
     "Thames Gateway London: Old Ford Wharf Opportunity Area & Marsh End renewal - 4,000 new homes & 2,500 jobs "
     "by 2021; land assembly & remediation; HCA investment; DLR extension & Kelvedon Riverside station "
     "business case; planning frameworks.",
     "ER;HO;TR", S, PL, NONE, "lbk hca tglp gla ofd tfl ea kh cham", 4, 2, 0),
    ("oftrust", "Old Ford Wharf Community Development Trust",
     "Community-led trust: own & manage the Wharf Community Hub & riverside workshops; community events; "
     "small grants; give Old Ford Wharf residents a voice in the regeneration.",
     "CO;ER", O, VO, CLG, "ofw kva oft faith lbk ofd", 6, 2, 120000),
    ("hathhub", "Hatherley Community Hub CIC - Management Board",
     "Run the former Hatherley branch library as a community hub after asset transfer (2011): cafe, advice "
     "surgeries, room hire, homework club.",
     "CO", O, VO, CIC, "hcom lbk kva cab bwa hhc", 6, 2, 65000),
    ("gpenp", "Grove Park East Neighbourhood Plan Forum", "Neighbourhood planning.",
     "CO;ER", O, VO, UA, "gpe lbk faith pol tra", 6, 2, 0),
    ("transport", "Kelvedon Transport Partnership (LIP)",
     "Local Implementation Plan (LIP2) for TfL funding; road casualties (NI 47/NI 48 KSI incl. children); "
     "school travel plans (NI 198); bus priority; cycling & walking; Kelvedon Town station access.",
     "TR;EN", O, PL, NONE, "lbk tfl met shf kva", 4, 2, 2100000),
    ("env", "Sustainable Kelvedon Partnership",
     "Environment thematic partnership: climate change (NI 185, NI 186, NI 188 adapting to climate change); "
     "waste & recycling (NI 192); street & environmental cleanliness (NI 195); parks & green spaces; flood risk; "
     "air quality.",
     "EN", S, PL, NONE, "lbk +ea grw kh trk cham pct tfl", 4, 2, 0),
    ("crc", "Kelvedon Carbon Reduction Commitment (CRC) Group",
     "CRC Energy Efficiency Scheme from April 2010: register LBK incl. maintained schools; annual report & "
     "evidence pack; reduce electricity & gas use in council buildings, schools & street lighting so the "
     "allowance bill falls and our league table position improves; NI 185.",
     "EN", O, ST, NONE, "lbk kh shf phf mea", 6, 1.5, 0),
    ("cmp", "LBK Carbon Management Programme Board",
     "Council Carbon Management Plan (Carbon Trust LACM): 25% CO2 cut from our own operations by 2014/15 on a "
     "2008/09 baseline - office rationalisation, school energy, LED lamps, fleet; Salix invest-to-save; annual "
     "emissions footprint.",
     "EN", E, PL, NONE, "lbk grw kh phf lep", 4, 2, 400000),
    ("climate", "Kelvedon Climate Action Network",
     "Borough-wide per capita CO2 (NI 186): community energy & the Hatherley low carbon zone; Transition "
     "Kelvedon; carbon literacy for residents & small businesses; green travel; adapting community buildings "
     "to a changing climate.",
     "EN;CO", O, VO, UA, "trk grw kva hcom lbk cham", 6, 2, 0),
    ("flood", "Kelvedon Flood Risk Management Partnership (LLFA)",
     "Lead Local Flood Authority duties under the Flood & Water Management Act 2010: local flood risk management "
     "strategy; asset register; investigate flood incidents (s.19); PFRA June 2011; co-ordinate with EA "
     "(fluvial & tidal Thames) & Thames Water (sewer flooding).",
     "EN", E, ST, NONE, "lbk ea thw tfl kh lfb", 4, 2, 0),
    ("drain", "Drain London - Kelvedon Surface Water Management Plan Group (2010-11)",
     "GLA-funded Drain London programme: study where heavy rain overwhelms the drains in Kelvedon (critical "
     "drainage areas in Marsh End & Grove Park East), agree an action plan across partners, map who owns "
     "culverts & gullies, and get the borough ready for its new role as lead authority for local flooding.",
     "EN", O, FU, NONE, "gla $lbk ea thw tfl grw", 6, 2, 110000),
    ("brf", "Kelvedon Borough Resilience Forum (BRF)",
     "Civil Contingencies Act 2004 Category 1 responders: borough risk register; emergency plans (pandemic flu, "
     "severe weather, utilities failure); business continuity promotion; London Resilience liaison; 2012 Games "
     "resilience.",
     "CS;EN", S, ST, NONE, "lbk met lfb pct kth ea thw kva", 4, 2, 0),
    ("mafp", "Kelvedon Multi-Agency Flood Plan Group",
     "Emergency response to flooding: multi-agency flood plan; EA flood warning cascade; evacuation & rest "
     "centres; vulnerable persons data; tidal surge exercise; sandbag policy.",
     "EN;CS", O, ST, NONE, "lbk lfb met ea pct kh", 4, 2, 0),
    ("waste", "Kelvedon & Thameside Joint Waste Committee",
     "Joint waste disposal PFI contract for the two boroughs; NI 191 residual waste per household, NI 192 "
     "recycling & composting, NI 193 landfill; food waste trials; recycling from flats with Kelvedon Homes.",
     "EN", E, ST, JC, "lbk thm kh grw tra", 4, 2, 11000000),
    ("parks", "Kelvedon Parks & Green Spaces Forum",
     "Friends of parks groups & the council: Green Flag applications; park management plans; volunteering; "
     "Marsh End Marshes local nature reserve; allotment waiting lists.",
     "EN;CL;CO", O, VO, UA, "grw lbk kva hcom gpe mera", 4, 2, 0),

    # ---------------- Housing ----------------
    ("housing", "Kelvedon Housing Partnership",
     "Housing strategy 2009-14: affordable homes (NI 155); decent homes in all tenures; homelessness "
     "prevention & TA (NI 156); overcrowding; PRS standards; housing & health; East London Housing "
     "Partnership.",
     "HO", S, PL, NONE, "lbk +kh mha oft hhc hca tra nla kva cab pct", 4, 2, 0),
    ("dh", "Kelvedon Homes Decent Homes Programme Board",
     "ALMO 2-star Decent Homes programme: make all 14,500 council homes decent (kitchens, bathrooms, heating, "
     "windows, electrics) by 2013 - backlog funding from HCA 2011-15; leaseholder recharges & consultation; "
     "NI 158 % non-decent council homes.",
     "HO", E, FU, NONE, "kh lbk tra hca kva mera", 6, 2, 38000000),
    ("prs", "PRS & HMO Strategy Group (Private Sector Housing)",
     "PRS c.28% of stock: HHSRS enforcement of Cat 1 hazards; mandatory & additional HMO licensing (additional "
     "scheme consultation 2011); Kelvedon Landlord Accreditation Scheme; rogue landlord prosecutions; 'beds in "
     "sheds' with UKBA; LHA reforms 2011.",
     "HO", O, ST, NONE, "lbk lfb met nla cab pct", 6, 2, 0),
    ("renting", "Kelvedon Better Renting Forum",
     "Landlords, letting agents, tenants' advice services & the council's private housing team meet to lift "
     "standards in privately let homes: good-practice training and a voluntary code for landlords; dealing "
     "with crowded shared houses & unsafe conversions; naming the worst operators; help for tenants living "
     "with disrepair.",
     "HO", O, VO, UA, "nla cab kva pol som lbk", 4, 2, 0),
    ("overcrowd", "Overcrowding & Under-occupation Action Group",
     "c.2,900 overcrowded households on the housing register: incentives for social tenants under-occupying "
     "to downsize (cash & removal help); mutual exchange events; extensions & loft conversions on council "
     "stock; priority banding in the allocations scheme; CLG overcrowding pathfinder.",
     "HO", O, FU, NONE, "kh lbk mha oft hhc tra", 6, 1.5, 300000),
    ("homeless", "Kelvedon Homelessness Strategy Forum",
     "Homelessness Strategy 2008-13: prevention & housing options; NI 156 households in temporary "
     "accommodation (halve by 2010); rough sleeping; 16/17 year olds after the Southwark judgment 2009; no "
     "families in B&B.",
     "HO", S, ST, NONE, "lbk kh cab kva mha oft prob", 4, 2, 0),
    ("sp", "Supporting People Commissioning Body (SP)",
     "SP programme governance: commission housing-related support (GBP9.8m) for homeless households, offenders, "
     "people with MH problems, older people & young people at risk; NI 141 planned move-on from supported "
     "housing; NI 142 sustaining independent living; QAF reviews; ring-fence removed 2009.",
     "HO;H", E, FU, NONE, "lbk pct prob kh mh ~kva", 4, 2, 9800000),
    ("tenants", "Kelvedon Homes Tenants' & Leaseholders' Consultative Forum",
     # copied verbatim from the parent board
     "Housing strategy 2009-14: affordable homes (NI 155); decent homes in all tenures; homelessness "
     "prevention & TA (NI 156); overcrowding; PRS standards; housing & health; East London Housing "
     "Partnership.",
     "HO;CO", O, ST, NONE, "tra kh lbk mera ofw hcom", 6, 2, 30000),

    # ---------------- Stronger communities ----------------
    ("stronger", "KT: Stronger & Cohesive Communities Partnership",
     "Cohesion & empowerment theme: NI 1 (people from different backgrounds get on well together), NI 2 "
     "belonging, NI 4 influence over local decisions; new communities & migration; faith; equalities; third "
     "sector.",
     "CO", S, PL, NONE, "lbk +kva faith rmf met som pol tra ykc col", 4, 2, 0),
    ("active", "Stronger Communities - Active Citizenship & Volunteering Sub-group",
     "NI 6 participation in regular volunteering; NI 3 civic participation; Volunteer Centre Kelvedon; "
     "community asset transfer (Quirk review); participatory budgeting pilots in Marsh End & Hatherley; "
     "community anchor organisations.",
     "CO", O, PL, NONE, "kva lbk faith tra hcom ykc", 6, 1.5, 40000),
    ("bigsoc", "Big Society Kelvedon Steering Group (2010- )",
     "Respond to the coalition's Big Society agenda: more residents giving their time and running things "
     "themselves; groups taking on buildings & services (Localism Bill - community right to buy / right to "
     "challenge); neighbourhood budgets; local giving; Community Organisers programme.",
     "CO", E, PL, NONE, "lbk kva cham faith hcom gpe ofw", 6, 2, 0),
    ("compact", "Kelvedon Compact Implementation Group",
     "Monitor the Kelvedon Compact & its codes of practice (funding & procurement; consultation & policy "
     "appraisal; volunteering; BME groups); annual Compact review; deal with breaches; NI 7 environment for a "
     "thriving third sector.",
     "CO", O, PL, NONE, "lbk +kva pct met col kh", 4, 2, 5000),
    ("relations", "Public Bodies & Voluntary Sector Relations Panel",
     "Joint panel of commissioners and charity representatives: check that public bodies give groups 12 weeks "
     "to respond to consultations, pay grants on time, give three months' notice before funding ends or "
     "changes, and sort out disputes when the local agreement between the sectors has not been kept.",
     "CO", O, VO, NONE, "kva lbk cab mind age barn", 4, 2, 0),
    ("infra", "Kelvedon Third Sector Infrastructure Consortium (ChangeUp)",
     "ChangeUp / Capacitybuilders local infrastructure: support for VCS groups - governance & funding advice, "
     "Volunteer Centre, training, ICT, commissioning readiness; NI 7 environment for a thriving third sector.",
     "CO", O, FU, NONE, "kva lbk cab age barn rmf", 4, 2, 85000),
    ("migrant", "Kelvedon New Communities & Migration Forum",
     "Understand & respond to population change (A8 Polish/Lithuanian arrivals, Somali, Tamil, Roma): "
     "myth-busting; new arrivals' welcome pack; Migration Impacts Fund projects; ESOL access; links with UKBA on "
     "asylum dispersal.",
     "CO", S, VO, UA, "rmf lbk som pol kva faith met col", 4, 2, 0),
    ("tbgroup", "Kelvedon Tuberculosis Partnership Group",
     "Bring down the number of new cases of tuberculosis in the borough: find people with the disease sooner, "
     "especially recent arrivals from high-burden countries; make sure patients finish six months of treatment; "
     "vaccinate babies in wards with high rates; outreach with Somali & Tamil communities and in hostels.",
     "H;CO", O, PL, NONE, "pct rmf som kva lbk kth kh", 4, 2, 40000),
    ("equal", "Kelvedon Equality & Diversity Forum", "",
     "CO", O, VO, NONE, "lbk kva faith pct met rmf", 4, 2, 0),

    # ---------------- Culture, sport, 2012 ----------------
    ("culture", "Kelvedon Cultural Partnership",
     "Arts, heritage, libraries & festivals: NI 9 use of public libraries, NI 10 museums, NI 11 arts "
     "engagement; Kelvedon Festival; Old Ford Wharf heritage trail.",
     "CL", S, PL, NONE, "lbk klt col kva faith bid", 4, 2, 0),
    ("sport", "Kelvedon Active Lives - Adult Sport & Physical Activity Network",
     "NI 8 adult participation in sport & active recreation (3 x 30 mins a week); Active People survey; free "
     "swimming for over-60s 2009-10; club development; walking & cycling programmes; workplace challenge; "
     "tackle inactivity in adults.",
     "CL;H", O, PL, NONE, "klt lbk pct kva col age", 4, 2, 95000),
    ("legacy", "Kelvedon 2012 Olympic & Paralympic Legacy Board",
     "Make London 2012 count for Kelvedon: Games-time jobs & contracts (CompeteFor); sport & volunteering "
     "legacy (Games Makers, Personal Best); Inspire mark projects; visitor economy; links with the host "
     "boroughs' convergence work.",
     "CL;ER;EM", S, PL, NONE, M_2012, 6, 2, 250000),
    ("games", "LBK 2012 Games Group", "",
     "CL", E, PL, NONE, M_2012, 6, 2, 250000),
    ("torch", "Olympic Torch Relay & Live Site Events Group (2012)",
     "Torch relay route through Kelvedon Town & Old Ford Wharf (July 2012); live site in Hatherley Park; "
     "traffic management & road closures; stewarding; Games-time community events; safety advisory group "
     "sign-off.",
     "CL;CS", O, PL, NONE, "lbk met lfb tfl locog klt bid", 8, 2, 180000),
]

# ---------------------------------------------------------------------------------------------
# Truth
# ---------------------------------------------------------------------------------------------
GROUPS = [
    # four: worklessness - mainstream board, time-limited fund board, voluntary network, terse twin
    ["work", "wnf", "intowork", "jep"],
    # triples
    ["tpb", "ypsh", "teens"],            # teenage pregnancy: board, H&W sub-group, voluntary network
    ["hwhl", "behealthy", "schfood"],    # child obesity: programme group, children's trust sub-group, schools forum
    ["gangs", "syv", "streetgrp"],       # gangs / serious youth violence: CSP, CDRP-era TKAP board, children's trust
    # pairs
    ["cdrp", "csp"],          # renamed successor, same members
    ["cypsp", "ctb"],         # renamed successor, same members
    ["neet", "neet2"],        # sub-groups of two boards, NI 117 v plain words
    ["cb", "fip"],            # community budget v mainstream family intervention
    ["prs", "renting"],       # council PRS/HMO group v voluntary forum
    ["tbcb", "tbgroup"],      # TB reworded, sub-groups of two boards
    ["crc", "cmp"],           # council's own carbon: CRC v carbon management
    ["flood", "drain"],       # Drain London fund group v LLFA partnership
    ["legacy", "games"],      # same members, empty objective
    ["compact", "relations"], # Compact reworded
    ["active", "bigsoc"],     # volunteering / active citizenship v Big Society
    ["cpcg", "wpchairs"],     # statutory police consultative group v voluntary chairs' network
]

HARD = [
    ("wpme", "wpofw"),       # ward panels for different areas, same template
    ("wphat", "wpgpe"),      # ward panels for different areas, same template
    ("ccme", "cchat"),       # children's centre advisory boards for different centres
    ("yotmb", "gangs"),      # YOT board v gangs sub-group
    ("nte", "syv"),          # town-centre alcohol violence v youth violence (NI 15 both)
    ("fjf", "neet"),         # 18-24 FJF jobs v 16-18 NEET
    ("tpb", "sexh"),         # teenage pregnancy v adult GUM/HIV/chlamydia
    ("hwhl", "sport"),       # child obesity v adult sport participation
    ("prs", "dh"),           # private rented standards v council Decent Homes
    ("sp", "homeless"),      # housing-related support v homelessness strategy
    ("flood", "mafp"),       # flood risk management v emergency flood plan
    ("cmp", "climate"),      # council's own CO2 (NI 185) v borough-wide CO2 (NI 186)
    ("legacy", "torch"),     # 2012 legacy v torch relay event logistics
    ("tbcb", "hprot"),       # TB control v immunisation & infection control
    ("compact", "infra"),    # Compact v VCS infrastructure (NI 7 both)
    ("ctb", "lscb"),         # children's trust v LSCB
    ("work", "cp"),          # worklessness v child poverty (NI 116 both)
]

NOTE = ("Kelvedon register, written for the Joined Up quality bench. 16 groups (12 pairs, 3 triples, 1 group "
        "of four = 27 true pairs) and 17 hard negatives. Duplicate kinds: reworded with other vocabulary, "
        "abbreviations and indicator numbers; statutory/council body beside a voluntary forum; time-limited "
        "fund board doing a mainstream board's job; renamed successor left open beside its predecessor with "
        "the same members; sub-groups of two different boards; same members with a terse or empty objective.")



def ref_map(keys):
    # fixed shuffle: order keys by a salted hash, so neighbouring refs say nothing about each other
    # (salt 29 is the first that puts no true pair or hard negative within three refs of each other)
    order = sorted(keys, key=lambda k: hashlib.sha256(("kelvedon/29/" + k).encode()).hexdigest())
    return {k: "KV%03d" % (i + 1) for i, k in enumerate(order)}


def main():
    parts = P
    keys = [p[0] for p in parts]
    assert len(keys) == len(set(keys)), "duplicate partnership key"
    refs = ref_map(keys)
    oid = {o[0]: "KO%02d" % (i + 1) for i, o in enumerate(ORGS)}

    with open(os.path.join(HERE, "organisations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "sector", "type"])
        for k, name, sector, typ in ORGS:
            w.writerow([oid[k], name, sector, typ])

    roles = {"+": "vice-chair", "$": "accountable body", "~": "observer"}
    mem_rows = []
    with open(os.path.join(HERE, "partnerships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ref", "title", "objective", "themes", "layer", "basis", "legal_status", "lead_org",
                    "meetings_per_year", "meeting_hours", "annual_budget_gbp"])
        for (k, title, obj, themes, layer, basis, legal, members, mpy, hrs, budget) in parts:
            toks = members.split()
            lead = toks[0]
            assert lead[0].isalpha(), k
            seen = set()
            for i, t in enumerate(toks):
                role = "chair" if i == 0 else roles.get(t[0], "member")
                ok = t.lstrip("+$~")
                assert ok in oid, (k, ok)
                assert ok not in seen, (k, ok)
                seen.add(ok)
                mem_rows.append([refs[k], oid[ok], role])
            assert 5 <= len(toks) <= 20, (k, len(toks))
            th = ";".join(THEME[t] for t in themes.split(";"))
            w.writerow([refs[k], title, obj, th, layer, basis, legal, oid[lead], mpy, hrs, budget])

    with open(os.path.join(HERE, "memberships.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["partnership_ref", "org_id", "role"])
        w.writerows(mem_rows)

    truth = {
        "groups": [[refs[k] for k in g] for g in GROUPS],
        "hard_negatives": [[refs[a], refs[b]] for a, b in HARD],
        "note": NOTE,
    }
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    print(f"{len(ORGS)} organisations, {len(parts)} partnerships, {len(mem_rows)} memberships, "
          f"{len(GROUPS)} groups, {len(HARD)} hard negatives")


if __name__ == "__main__":
    main()
