/** Housing (format: kinds.ts). */
export const HOUSING = `
@housing-partnership | thematic | housing | housing-core | Housing | housing-assoc homes homeless-charity
O Housing Strategy Partnership :: To deliver the housing strategy: more affordable homes, decent homes in every tenure and help for people with particular housing needs
E Homes for {place} Partnership :: Making sure everyone has a decent place to live that they can afford
T Housing Ptnrshp :: strategy; SHMA
P Housing Market Assessment Group :: Commissions and updates the strategic housing market assessment with neighbouring authorities

@homelessness | topic | housing | homeless | Homelessness | homeless-charity cab probation mh-trust
O Homelessness Forum :: To prevent homelessness and reduce the use of temporary accommodation (NI 156), in line with the homelessness strategy
E No Place Like Home Network :: Advice agencies, hostels and the council helping people keep their home, or find a new one, before they end up with nowhere
T Homelessness Strat Grp :: prevention cases; TA numbers
P Homelessness Reduction Act Implementation Group :: Puts in place the prevention and relief duties and the duty to refer under the 2017 Act

@rough-sleeping | topic | housing health-wellbeing | homeless | Rough sleeping | homeless-charity drug-treatment mh-trust churches
O Rough Sleeping Strategy Group :: To end rough sleeping through outreach, hostel places and a route off the streets for every new rough sleeper
E Nobody Sleeps Out Group :: Night shelter volunteers, outreach workers and churches getting people off the pavement for good
T RS Grp :: street count; SWEP
P No Second Night Out Steering Group :: Makes sure anyone found bedded down outside for the first time is helped indoors at once

@private-rented | topic | housing | private-housing | Private rented | landlords-assoc fire cab
O Private Sector Housing Partnership :: To improve standards in privately rented homes, license houses in multiple occupation and bring landlords into accreditation
E Landlords Forum :: Landlords and the council talking about repairs, licensing, deposits and problem tenants
T PSH Grp :: HMO licensing; HHSRS
P Selective Licensing Steering Group :: Runs the licensing scheme for every privately rented home in the designated area

@empty-homes | topic | housing | private-housing | Empty homes | landlords-assoc housing-assoc
O Empty Homes Group :: To bring long-term empty homes back into use through advice, loans, leasing and enforcement
E Homes Not Left Empty Group :: Getting boarded-up houses lived in again
T Empty Props Grp :: 6mth+ empties; EDMOs
P Empty Property Loan Scheme Board :: Manages interest-free loans to owners who do up vacant dwellings for letting

@affordable-housing | topic | housing | supply | Affordable homes | homes housing-assoc developer
O Affordable Housing Delivery Group :: To increase the supply of affordable homes (NI 155) through section 106 agreements, grant and council land
E More Homes People Can Afford Group :: Getting more homes built for rent and shared ownership that local people can afford
T AH Delivery Grp :: NI 155; s106; pipeline
P Housing Enabling Partnership :: Housing associations and the council agreeing sites and bids to the national programme

@choice-lettings | topic | housing | allocations | Lettings | housing-assoc tenants-fed
O Choice Based Lettings Partnership :: To run the common housing register and the choice-based lettings scheme with the housing associations
E Housing Register Group :: Making the waiting list fair and easy: one form, one list and vacant homes advertised each week
T CBL Bd :: common register; banding
P Allocations Policy Review Group :: Reviews who qualifies for social housing and how priority is decided

@tenant-participation | topic | housing community-cohesion | tenants | Tenants | tenants-fed housing-assoc
O Tenant Participation Compact Group :: To involve council and housing association tenants in decisions about their homes and services, under the tenant participation compact
E Tenants' Voice Panel :: Tenants checking that landlords keep their promises on repairs, rents and estates
T TP Compact Grp :: scrutiny; STAR survey
P Tenant Scrutiny Panel :: Tenant-led reviews of landlord services, reported to the board

@gypsy-traveller | topic | housing community-cohesion | travellers | Travellers | community-health
O Gypsy and Traveller Liaison Group :: To assess and meet the accommodation needs of Gypsies and Travellers and agree a joint approach to unauthorised encampments
E Travellers Forum :: Finding proper sites, and better access to schools and doctors, for travelling families
T G&T Grp :: GTAA; pitches; encampment protocol
P Transit Sites Project Board :: Identifies and builds transit pitches so that roadside camps can be moved on

@fuel-poverty | topic | housing environment health-wellbeing | warmth | Fuel poverty | energy-advice age-uk cab community-health
O Affordable Warmth Strategy Group :: To tackle fuel poverty (NI 187) and reduce excess winter deaths by improving the energy efficiency of the homes of vulnerable people
E Warm Homes Network :: Helping people who cannot afford to heat their homes, with insulation, new boilers and advice on bills
T Fuel Poverty Grp :: NI 187; SAP<35
P Warm Front Referral Partnership :: Refers eligible households for heating and insulation grants and winter fuel payment advice

@home-energy | topic | environment housing | warmth | Energy efficiency | energy-advice housing-assoc groundwork
O Home Energy Efficiency Partnership :: To cut carbon emissions from housing by insulating lofts and cavity walls and installing renewable heating across all tenures
E Insulate {place} Group :: Free loft and cavity wall insulation for every home that needs it
T HECA Grp :: HECA; CERT; measures
P Green Deal Pioneer Places Board :: Promotes energy assessments and supplier-funded insulation in target streets

@decent-homes | topic | housing | stock | Decent homes | housing-assoc tenants-fed
O Decent Homes Programme Board :: To bring all council homes up to the Decent Homes Standard through the ALMO's investment programme
E Better Homes Group :: New kitchens, bathrooms, windows and heating for tenants in council homes
T DHS Bd :: non-decency %; capital prog
P ALMO Investment Board :: Monitors the arm's length management organisation's use of backlog funding
`;
