/** Community safety, and drugs and alcohol (format: kinds.ts). */
export const SAFETY = `
@csp | statutory | community-safety | safety-core | Crime | fire probation pcc victim-support yos | stat=community-safety-partnership
O Community Safety Partnership :: To reduce crime, disorder and the fear of crime and to tackle the misuse of drugs and alcohol, as required by the Crime and Disorder Act 1998; agrees the annual strategic assessment and partnership plan
E Safer {place} :: Working together so that people feel safe where they live, work and go out, and trouble is dealt with quickly
T CDRP :: statutory crime & disorder reduction; NI 15, NI 16, NI 20
P Safer Stronger Communities Board :: Directs the safer communities block of the LAA and the SSCF grant, with targets on serious acquisitive crime and local concerns (NI 21)

@asb | topic | community-safety | asb | ASB | nhw housing-assoc tenants-fed ymca
O Anti-Social Behaviour Strategy Group :: To coordinate the partnership response to anti-social behaviour, including acceptable behaviour contracts, injunctions and orders, and support for victims and witnesses
E Nuisance Neighbours Panel :: Rowdy teenagers, noise at 3am, vandalism and intimidation: agencies share what they know about each case and agree who sorts it out
T ASBAG :: ABCs/ASBOs; case conf; NI 17
P Respect Action Group :: Delivers the local Respect programme: challenging disrespectful and intimidating behaviour and supporting families who cause it to change

@domestic-abuse | topic | community-safety | violence | Domestic abuse | womens-aid victim-support womens-centre relate community-health
O Domestic Violence Forum :: To reduce repeat incidents of domestic violence (NI 32) and improve the safety of victims and their children through coordinated multi-agency work
E Safe at Home Network :: Helping women, men and children get away from a violent partner or relative: refuge places, outreach, a helpline and new locks fitted
T DV Steering Grp :: DA strategy; IDVA; refuge
P Sanctuary and IDVA Programme Board :: Commissions independent advisers for survivors and the sanctuary scheme so families can stay safely in their own homes

@marac | topic | community-safety | violence | MARAC | womens-aid probation community-health mh-trust
O Multi-Agency Risk Assessment Conference :: Monthly conference sharing information on the highest-risk cases of domestic abuse and agreeing a safety plan for each victim
E High Risk Victims Meeting :: Police, refuge workers, health visitors and housing officers round one table on the people most likely to be seriously hurt or killed at home
T MARAC :: high-risk cases; DASH 14+
P Safety Planning Panel :: Reviews every referral scoring fourteen or more on the risk checklist, allocates an advocate and tracks repeat referrals

@sexual-violence | topic | community-safety health-wellbeing | violence | Rape | sarc rape-crisis womens-aid community-health
O Sexual Violence Partnership :: To improve the response to rape and sexual assault, including access to the Sexual Assault Referral Centre and specialist support for victims (NI 26)
E Rape and Sexual Abuse Support Network :: Making sure anyone who has been raped or abused, last night or years ago, is believed, looked after and helped to decide what happens next
T SV/SARC Grp :: ISVAs; forensic pathway
P Rape Crisis Commissioning Board :: Funding and oversight of independent sexual violence advisers and counselling for survivors

@offender-management | topic | community-safety | offenders | Reoffending | probation drug-treatment jcp housing-assoc courts
O Prolific and Other Priority Offenders Scheme Board :: To reduce re-offending by the small number of offenders who commit most crime (NI 30), through catch and convict, rehabilitate and resettle
E Turning Lives Around Panel :: Getting persistent burglars and shoplifters off drugs, into a home and a job so they stop offending
T PPO/IOM Board :: PPO cohort; NI 30; resettlement
P Integrated Offender Management Steering Group :: Directs the IOM programme in which police, probation and partners jointly manage the offenders who cause most harm

@night-time-economy | topic | community-safety economy-regeneration | alcohol | Pubwatch | pubwatch street-pastors bid traders
O Night-Time Economy Group :: To manage the evening and night-time economy of the town centre so that it is vibrant and safe, reducing alcohol-related violence and disorder (NI 41)
E Safe Night Out Partnership :: Pubs, clubs, taxi firms, door staff and street pastors working so a Saturday night in town is fun and trouble-free
T NTE Grp :: late night levy; taxi marshals; NI 20
P Purple Flag Steering Group :: Working towards, and keeping, the Purple Flag award for the town centre after dark, with the Best Bar None scheme

@alcohol-harm | topic | substance-misuse health-wellbeing | alcohol | Alcohol | drug-treatment community-health pharmacy
O Alcohol Harm Reduction Strategy Group :: To reduce alcohol-related hospital admissions (NI 39) and the health and social harm caused by drinking
E Drink Less Campaign Group :: Helping people cut down, with a quick word from their GP or pharmacist, and support for the families of heavy drinkers
T Alcohol Strat Grp :: IBA; A&E liaison; admissions
P Alcohol Liaison Nurse Programme Board :: Oversees identification and brief advice in surgeries and the specialist nurses at the hospital

@licensing | topic | substance-misuse community-safety | alcohol | Licensing | pubwatch fire traders
O Licensing Enforcement Group :: To coordinate joint inspections of premises licensed under the Licensing Act 2003 and agree which premises to take to review
E Responsible Retailers Group :: Off-licences and bars working with the council and police so that nobody underage or already drunk gets served
T Jt Licensing Grp :: test purchase; reviews; CIZ
P Challenge 25 Steering Group :: Runs the Challenge 25 proof-of-age scheme and test purchasing operations with trading standards

@hate-crime | topic | community-safety community-cohesion | hate | Hate crime | bme-forum lgbt disability-forum interfaith victim-support
O Hate Crime Partnership :: To increase reporting of hate crime and incidents and improve support for victims targeted because of race, religion, disability, sexual orientation or gender identity
E Stop the Hate Forum :: Nobody should be picked on for who they are: community groups and agencies encouraging people to speak out and making sure something is done
T Hate Incident Panel :: 3rd party reporting; case review
P True Vision Reporting Network :: Runs third-party reporting centres and the annual awareness week

@acquisitive-crime | topic | community-safety | property-crime | Burglary | nhw victim-support housing-assoc
O Serious Acquisitive Crime Group :: To reduce domestic burglary, robbery and vehicle crime (NI 16) through targeted patrols, target hardening and offender management
E Burglary Reduction Partnership :: Fewer break-ins: free locks and alarms for people who have been burgled, property marking and catching those responsible
T SAC Grp :: burglary dwelling; TFMV; robbery
P Operation Lockdown Steering Group :: Crime prevention campaign of home security surveys, forensic marking kits and cocoon watch around burgled homes

@business-crime | topic | community-safety economy-regeneration | property-crime | Shoplifting | shopwatch chamber bid traders
O Business Crime Reduction Partnership :: To reduce crime against businesses, including shop theft, criminal damage and fraud, and share intelligence between retailers and the police
E Shopwatch and Radio Link Scheme :: Shopkeepers linked by radio to each other and the camera room, so known thieves are spotted and banned
T BCRP :: retail theft; exclusion notices
P Safer Business Award Group :: Runs the business crime accreditation scheme and the town centre exclusion scheme

@serious-violence | topic | community-safety | violence-street | Violence | yos community-health ymca
O Violent Crime Reduction Group :: To reduce serious violent crime and assault with injury (NI 15, NI 20), including offences involving knives and other weapons
E Knife Crime Prevention Network :: Getting young people to put the knives down: talks in schools, amnesty bins and support for families after a stabbing
T SV Duty Grp :: needs assessment; A&E data
P Violence Reduction Unit Local Board :: A public health approach: hospital data sharing, mentors for teenagers at risk and the annual strategic needs assessment

@youth-crime-prevention | topic | community-safety children-young-people | youth-crime | Prevention | yos ymca
O Youth Crime Prevention Panel :: To reduce the number of first-time entrants to the youth justice system (NI 111) through early intervention with 8-17 year olds at risk of offending
E Keeping Kids Out of Trouble Group :: Mentors and things to do for children who are on the edge of getting into bother with the police
T YISP Panel :: 8-13s; FTEs; referrals
P Youth Inclusion Programme Board :: Runs the YIP for the fifty most at-risk 13-16 year olds on the target estates

@yot-board | statutory | children-young-people community-safety | youth-crime | Youth justice | yos probation community-health connexions | stat=youth-offending-board unitary
O Youth Offending Team Management Board :: To oversee the youth offending service and reduce offending and re-offending by children and young people (NI 19, NI 43, NI 45)
E Youth Justice Partnership :: Making sure teenagers who break the law put things right with their victims and get the help they need to stop
T YOT Mgt Bd :: YJB plan; ETE; custody rate
P Youth Justice Plan Board :: Approves and monitors the annual youth justice plan and the grant from the Youth Justice Board

@prevent | topic | community-safety community-cohesion | security | Prevent | interfaith mosques college
O Prevent Partnership Board :: To build resilience to violent extremism (NI 35) and support people at risk of being drawn into terrorism, through the Channel process
E Building Bridges Group :: Faith leaders, youth workers and agencies making sure young people are not groomed by extremists of any kind
T Prevent Steering Grp :: Channel panel; WRAP training
P Preventing Violent Extremism Pathfinder Board :: Allocates the pathfinder fund to community projects and front-line training

@arson | topic | community-safety | fire | Arson | fire housing-assoc groundwork
O Arson Task Force :: To reduce deliberate fires, including vehicle, refuse and derelict building fires, and the number of primary fires and casualties (NI 33, NI 49)
E Fire Safe Communities Group :: Free smoke alarms, clearing rubbish before it gets set alight and talking to children who play with fire
T Arson Reduction Grp :: deliberate secondaries; abandoned cars
P Safe and Well Visits Steering Group :: Home fire safety checks for older and vulnerable residents, with onward referrals

@victims-witnesses | topic | community-safety | victims | Victims | victim-support cps courts
O Victims and Witnesses Group :: To improve the experience of victims and witnesses from the reporting of a crime through to court
E Supporting Victims Network :: Making sure people hit by crime get information, someone to talk to and practical help when they need it
T V&W Grp :: witness care; special measures
P Restorative Justice Hub Steering Group :: Offers restorative meetings between those harmed and those responsible, and the community resolution scheme

@cctv | topic | community-safety | surveillance | CCTV | bid traders housing-assoc
O CCTV Partnership :: To manage the public space CCTV system, its monitoring centre and its code of practice, and to plan new camera sites
E Town Centre Cameras Group :: Deciding where the cameras go and making sure the footage helps catch offenders
T CCTV Users Grp :: control room; camera review
P Safer Streets Camera Project Board :: Spends the capital grant on new and upgraded cameras in the hot spots

@street-drinking | topic | community-safety housing | street-life | Begging | homeless-charity drug-treatment street-pastors
O Street Drinking and Begging Task Group :: To tackle street drinking and aggressive begging in the town centre through enforcement, designated public place orders and routes into treatment and housing
E Street Life Outreach Group :: Outreach workers, police and the night shelter helping people who drink and beg in the precinct to find something better
T DPPO Grp :: alcohol control zone; outreach
P Public Spaces Protection Order Working Group :: Drafting, consulting on and reviewing the PSPO covering drinking and begging

@child-exploitation | topic | children-young-people community-safety | exploitation | CSE | yos community-health ymca
O Child Sexual Exploitation Sub-Group :: To identify children at risk of sexual exploitation, disrupt perpetrators and make sure victims get specialist support
E Keeping Young People Safe from Grooming :: Helping parents, taxi drivers, hotels and schools notice when a child is being groomed or used, and who to tell
T MACE Panel :: CSE/CCE; missing; county lines
P Missing and Exploited Children Programme Board :: Return home interviews, the exploitation hub and training for the children's workforce

@modern-slavery | topic | community-safety | exploitation | Slavery | refugee jcp chamber
O Modern Slavery and Human Trafficking Partnership :: To identify and support victims of trafficking, forced labour and domestic servitude and bring offenders to justice under the Modern Slavery Act 2015
E Anti-Slavery Network :: Car washes, nail bars and farms: helping people recognise when workers are being exploited
T MSHT Grp :: NRM referrals; labour exploitation
P Slave-Free Town Initiative :: A pledge for firms, churches and public bodies to keep forced labour out of their supply chains

@daat | thematic | substance-misuse | drugs | Drugs | drug-treatment probation community-health mh-trust
O Drug and Alcohol Action Team :: To reduce the harm caused by drugs and alcohol, commissioning treatment and increasing the number of drug users in effective treatment (NI 40)
E Substance Misuse Partnership :: Agencies joining forces so people with a drink or drug problem, and their families, get help quickly and stay well
T DAAT Bd :: pooled treatment budget; NI 38, NI 40
P Combating Drugs Partnership :: Delivers the local plan of the national drugs strategy: breaking supply chains, treatment and recovery, and reducing demand

@drug-treatment | topic | substance-misuse health-wellbeing | drugs | Treatment | drug-treatment community-health probation pharmacy
O Adult Drug Treatment Commissioning Group :: To commission and performance-manage community and residential treatment for adult drug users, including waiting times and successful completions
E Getting Clean Group :: Doctors, chemists and drug workers making sure anyone who wants to come off heroin or crack can start straight away
T Tx Commissioning :: tier 2-4; waits; NDTMS
P Shared Care Scheme Board :: GPs and pharmacists prescribing substitute medication alongside specialist key workers

@young-people-substances | topic | substance-misuse children-young-people | drugs-young | Substances | drug-treatment ymca yos
O Young People's Substance Misuse Group :: To reduce the proportion of young people frequently using illicit drugs, alcohol or volatile substances (NI 115) and commission specialist treatment for under-18s
E Teen Drink and Drugs Project Group :: Drop-ins, school talks and one-to-one help for teenagers getting into cannabis, cider or solvents
T YP SM Grp :: u18 tx; NI 115
P Blueprint Drug Education Steering Group :: Rolls out the drug education programme in secondary schools and trains youth workers in brief advice

@recovery | topic | substance-misuse | drugs | Recovery | drug-treatment recovery-community jcp housing-assoc
O Recovery Community Partnership :: To build a visible recovery community that helps people who have completed treatment stay drug and alcohol free, with peer mentors, housing and routes into work
E Life After Addiction Network :: People in recovery, their families and supporters running cafés, walks and mutual aid so nobody has to stay clean alone
T Recovery Grp :: mutual aid; peer mentors
P Recovery Champions Programme :: Trains volunteer champions and organises the annual recovery walk

@harm-reduction | topic | substance-misuse health-wellbeing | drugs-health | Needles | drug-treatment pharmacy community-health
O Blood-Borne Viruses and Harm Reduction Group :: To reduce drug-related deaths and the spread of hepatitis C and HIV among injecting drug users through needle exchange, testing and naloxone
E Staying Alive Group :: Clean works, overdose kits and hep tests for people who inject, so fewer of them die
T BBV/NEX Grp :: naloxone; hep C; DRDs
P Drug-Related Deaths Review Panel :: Reviews each death linked to drugs and agrees what would prevent the next one
`;
