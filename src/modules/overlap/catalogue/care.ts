/** Adult social care and older people (format: kinds.ts). */
export const CARE = `
@adult-care-partnership | thematic | adult-social-care | care-core | Care | community-health mh-trust carers age-uk
O Health and Social Care Partnership Board :: To commission integrated health and adult social care services and manage the pooled budgets under section 75 of the NHS Act 2006
E Care Together Board :: Doctors, nurses, social workers and carers planning care around the person rather than around the organisation
T H&SC Bd :: s75; integration
P Integrated Care Partnership :: Brings the NHS, the council and the voluntary sector together to agree the integrated care strategy for the place

@safeguarding-adults | statutory | adult-social-care | safeguarding-adults | Safeguarding | community-health acute-trust mh-trust care-association | stat=safeguarding-adults unitary
O Safeguarding Adults Board :: To make sure local agencies work together to protect adults with care and support needs from abuse and neglect, as required by the Care Act 2014
E Adult Protection Committee :: Stopping older and disabled people being hurt, neglected or taken advantage of, and learning when things go wrong
T SAB :: SARs; s42 enquiries; MSP
P Vulnerable Adults Partnership :: Runs the multi-agency No Secrets procedures, training and serious case reviews

@learning-disability | topic | adult-social-care | disability | Learning disability | mencap college jcp parent-carer
O Learning Disability Partnership Board :: To put Valuing People into practice so that adults with learning disabilities have more choice and control over their lives
E People First Board :: People with learning disabilities and their families having a say about housing, jobs, health and getting out and about
T LDPB :: VPN; annual health checks
P Transforming Care Programme Board :: Moving people with a learning disability or autism out of long-stay hospital into homes of their own

@autism | topic | adult-social-care children-young-people | disability | Autism | parent-carer mh-trust college
O Autism Partnership Board :: To implement the adult autism strategy: diagnosis, training for staff and reasonable adjustments in mainstream services
E Autism Friendly {place} Group :: Shops, surgeries and buses making life easier for autistic people and their families
T ASC Bd :: dx pathway; Autism Act 2009
P Fulfilling and Rewarding Lives Implementation Group :: Delivers the national strategy's action plan and the annual self-assessment

@physical-sensory | topic | adult-social-care | disability | Disability | disability-forum sight-hearing jcp
O Physical Disability and Sensory Impairment Partnership :: To improve services for adults with physical disabilities and sight or hearing loss, including equipment and rehabilitation
E Living with Sight and Hearing Loss Group :: Getting the right aids, training and support so people who are blind or deaf can stay independent
T PD/SI Grp :: equipment; rehab officers
P Community Equipment Service Board :: Manages the pooled budget for community equipment and minor adaptations

@carers | topic | adult-social-care older-people | carers | Carers | carers age-uk
O Carers Partnership :: To implement the carers strategy, increasing carers' assessments and services (NI 135) and recognising carers as expert partners in care
E Caring for Carers Network :: Looking after the people who look after a relative or friend: breaks, advice and someone to talk to
T Carers Strat Grp :: NI 135; breaks
P Carers Grant Steering Group :: Allocates the carers grant and the NHS money for short breaks

@mental-health-services | topic | adult-social-care health-wellbeing | mental-health-care | Mental health | mh-trust mind housing-assoc
O Mental Health Local Implementation Team :: To deliver the National Service Framework for Mental Health locally: crisis resolution, early intervention in psychosis and assertive outreach
E Mental Health Recovery Network :: People who use services, carers and staff working for recovery, a home and a job for people with serious mental illness
T MH LIT :: NSF; crisis; EIP
P Community Mental Health Transformation Board :: Redesigns community mental health care around primary care, with peer support and housing

@personalisation | topic | adult-social-care | care-choice | Personal budgets | disability-forum carers
O Personalisation Programme Board :: To transform adult social care so that people receive self-directed support (NI 130) and personal budgets
E Choice and Control Group :: Letting people decide how their care money is spent, with help to manage it if they want
T SDS Grp :: PBs; direct payments; RAS
P Putting People First Board :: Manages the social care reform grant and the milestones of the national concordat

@reablement | topic | adult-social-care older-people | independence | Reablement | community-health acute-trust age-uk
O Intermediate Care and Reablement Board :: To help older people regain independence after illness or a hospital stay (NI 125), through short-term rehabilitation at home or in a care setting
E Back on Your Feet Group :: Short-term help at home after a fall or an illness so people can manage on their own again
T IC/Reablement Grp :: 91-day outcome; step up/down
P Rehabilitation at Home Service Board :: Manages the joint therapy and home care team that provides up to six weeks of reablement

@hospital-discharge | topic | adult-social-care | independence | Discharge | acute-trust community-health
O Delayed Transfers of Care Group :: To reduce delayed transfers of care from acute and community hospitals (NI 131) and agree joint discharge protocols
E Getting Home from Hospital Group :: Sorting out the hold-ups that keep people stuck on a ward when they are well enough to leave
T DToC Grp :: sitrep; delays by reason
P Discharge Fund Steering Group :: Allocates the adult social care discharge fund to home care hours and short-term beds

@care-market | topic | adult-social-care | provision | Care homes | care-association
O Care Market Development Group :: To shape a sustainable market of home care, residential and nursing care, and agree fee levels and quality standards with providers
E Care Providers Forum :: Care home and home care owners meeting the council and NHS about recruiting staff, fees and keeping standards up
T Provider Forum :: fees; capacity; quality
P Domiciliary Care Framework Board :: Manages the framework contract for home care across the district's zones

@end-of-life | topic | health-wellbeing adult-social-care | end-of-life | Palliative | hospice acute-trust community-health care-association
O End of Life Care Strategy Group :: To improve care at the end of life so that more people die in the place they choose, with good symptom control and support for families
E Dying Well Network :: Hospice, district nurses and care homes working so people are comfortable, and at home if they want, at the end
T EoLC Grp :: PPD; GSF registers
P Compassionate Communities Programme :: Training volunteers and neighbours to support people who are dying or bereaved

@telecare | topic | adult-social-care older-people | tech | Telecare | housing-assoc age-uk
O Assistive Technology Partnership :: To extend telecare and telehealth so that people with long-term conditions and older people can live safely at home
E Help at the Press of a Button Group :: Pendant alarms, fall sensors and gadgets that let people stay in their own home and get help quickly
T Telecare Grp :: lifeline; TECS
P Whole System Demonstrator Board :: Tests remote monitoring for people with heart failure, COPD and diabetes

@supporting-people | topic | housing adult-social-care | supported-housing | Supported housing | housing-assoc homeless-charity probation mh-trust
O Supporting People Commissioning Body :: To commission housing-related support for vulnerable people (NI 141, NI 142) and oversee the programme's five-year strategy
E Help to Keep a Tenancy Network :: Helping people who have been homeless, in care or in prison, or who have mental health problems, to settle in and stay in their home
T SP Core Strat Grp :: SP grant; floating support
P Floating Support Providers Forum :: Providers and tenants reviewing contracts for visiting support workers

@older-people-partnership | thematic | older-people | ageing-core | Older people | age-uk opf community-health
O Older People's Partnership Board :: To deliver the older people's strategy so that people over 50 stay healthy, independent and involved in their communities
E Ageing Well in {place} :: Making {place} a good place to grow old: staying active, warm, safe and connected
T OPPB :: 50+ strategy; NI 139
P Partnerships for Older People Projects Board :: Oversees the POPP pilots that keep older people out of hospital and residential care

@falls | topic | older-people health-wellbeing | independence | Falls | community-health ambulance age-uk leisure-trust
O Falls Prevention Group :: To reduce falls and fractures among people over 65 through assessment, strength and balance classes and safer homes
E Steady on Your Feet Group :: Exercise classes, home checks and eye tests so older people don't fall and break a hip
T Falls Grp :: #NOF; falls pathway; 65+
P Postural Stability Programme Board :: Runs the 36-week evidence-based exercise course for older people at risk of falling

@dementia | topic | older-people health-wellbeing | dementia | Dementia | dementia-charity mh-trust age-uk carers
O Dementia Strategy Group :: To improve diagnosis rates and post-diagnostic support for people with dementia and their carers, in line with the National Dementia Strategy
E Dementia Friendly {place} Alliance :: Shops, churches and services learning how to help people living with memory loss keep doing the things they enjoy
T Dementia Grp :: dx rate; memory clinic
P Memory Matters Programme Board :: Commissions dementia advisers, memory cafés and the crisis support service

@loneliness | topic | older-people community-cohesion | isolation | Loneliness | age-uk volunteer-centre churches community-transport
O Social Isolation and Loneliness Group :: To reduce loneliness among older people through befriending, community activities and social prescribing
E Friends and Neighbours Network :: Volunteers visiting and phoning older people who live alone, lunch clubs and help getting out
T Befriending Grp :: isolation; lunch clubs
P Social Prescribing Steering Group :: Link workers in GP surgeries connecting people to community groups, arts and exercise

@older-voice | topic | older-people community-cohesion | voice-older | Older voice | opf age-uk
O Older People's Advisory Forum :: To give older residents a voice in planning and reviewing the services they use, and to respond to consultations
E Pensioners' Parliament :: Older people speaking up about buses, benches, toilets, health and anything else that affects their lives
T OP Forum :: consultation; NI 138
P Older People's Champions Network :: Councillors and volunteer champions making sure the needs of over-65s are weighed in every decision

@benefit-take-up | topic | older-people employment-skills | money | Pension credit | cab age-uk pension-service
O Benefit Take-Up Partnership :: To increase take-up of pension credit, attendance allowance and council tax benefit among older people
E Claim What You're Owed Group :: Helping pensioners get the money they are entitled to, with home visits and help with the forms
T Pension Credit Grp :: take-up campaign
P Joint Visiting Team Steering Group :: One visit from the Pension Service and the council to check benefits, warmth and safety together

@age-friendly | topic | older-people | age-friendly | Age friendly | opf age-uk community-transport
O Age-Friendly Communities Steering Group :: To make the district age-friendly across the eight domains of the WHO framework, from outdoor spaces to transport and housing
E Good Place to Grow Older Group :: Benches, public toilets, buses and shops that work for people in later life
T AFC Grp :: WHO domains; audit
P Global Network Membership Board :: Prepares the action plan needed to join the international network of age-friendly places

@handyperson | topic | older-people housing | home-adaptations | Repairs | care-repair age-uk housing-assoc
O Home Improvement Agency Partnership :: To help older and disabled home owners repair, improve and adapt their homes so they can stay living independently
E Handy Help Scheme Group :: Small jobs like grab rails, key safes and fixing a dripping tap done cheaply by someone you can trust
T HIA Bd :: minor adaptations; handyperson
P Care and Repair Steering Group :: Manages the caseworker service and the home repair loans for owner-occupiers

@dfg | topic | housing adult-social-care | home-adaptations | Adaptations | care-repair housing-assoc community-health
O Disabled Facilities Grant Working Group :: To speed up the delivery of disabled facilities grants and major adaptations, from occupational therapy assessment to completion
E Adapting Homes Group :: Stairlifts, level-access showers and ramps fitted quicker so disabled people are not stuck upstairs
T DFG Grp :: OT waits; end-to-end times
P Adaptations Pathway Review Board :: A joint review by therapists and housing of the whole adaptations process and its shared budget
`;
