/** Economy and regeneration (format: kinds.ts). */
export const ECONOMY = `
@economic-partnership | thematic | economy-regeneration | economy-core | Economy | chamber fsb lep college university
O Economic Development Partnership :: To deliver the economic strategy: more business start-ups and jobs, inward investment and a skilled workforce
E Prosperous {place} Partnership :: Business and public sector leaders working for a strong local economy with good jobs
T Econ Ptnrshp :: econ strategy; GVA
P Local Economic Assessment Steering Group :: Produces the statutory economic assessment and the growth plan that follows from it

@town-centre | topic | economy-regeneration | town-centre | Town centre | bid traders chamber
O Town Centre Management Partnership :: To improve the vitality and viability of the town centre through marketing, events, a clean and safe environment and filling empty shops
E Love Our High Street Group :: Traders, landlords and the council working to bring shoppers back into town
T TCM Bd :: footfall; vacancy rate
P Town Team Pilot Board :: Spends the high street pilot money on pop-up shops, markets and events

@bid | topic | economy-regeneration | town-centre | BID | bid traders chamber
O Business Improvement District Board :: To deliver the BID business plan funded by the levy on non-domestic ratepayers: marketing, cleaning, security and events
E Town Traders Levy Group :: Businesses paying a little extra on their rates to make the town cleaner, safer and busier
T BID Co Bd :: levy; renewal ballot
P BID Renewal Steering Group :: Prepares the business plan and the ballot for the next five-year term

@markets | topic | economy-regeneration | town-centre | Markets | traders chamber
O Markets Development Group :: To develop the weekly and farmers' markets and the covered market hall
E Market Traders Forum :: Stallholders and the council talking about pitches, rents and bringing in new traders
T Markets Grp :: occupancy; pitch fees
P Love Your Local Market Campaign Group :: Runs the annual promotion fortnight and taster stalls for new traders

@tourism | topic | economy-regeneration culture-leisure | visitor | Tourism | tourism-body historic-england chamber
O Tourism Partnership :: To grow the visitor economy by marketing the area, improving visitor information and developing the accommodation offer
E Visitor Welcome Group :: Hotels, attractions and the council working together to bring more visitors and get them to stay longer
T Tourism Grp :: STEAM; bedspaces
P Destination Management Plan Steering Group :: Prepares and monitors the destination management plan

@inward-investment | topic | economy-regeneration | investment | Investment | lep chamber university
O Inward Investment Group :: To attract new businesses and investment to the district and help existing firms expand
E Open for Business Group :: Selling {place} as the place to set up and grow a business
T II Grp :: enquiries; sites & premises
P Enterprise Zone Board :: Oversees the enterprise zone, its business rates relief and the infrastructure plan

@business-support | topic | economy-regeneration | enterprise | Enterprise | enterprise-agency chamber fsb
O Enterprise and Business Support Partnership :: To increase the new business registration rate (NI 171) and the survival of small firms through advice, grants and premises
E Start Up and Grow Network :: Help for people starting a business and for small firms that want to grow
T Enterprise Grp :: NI 171/172; start-ups
P Local Enterprise Growth Initiative Board :: Directs the programme of enterprise coaching and business grants in the most deprived wards

@social-enterprise | topic | economy-regeneration community-cohesion | enterprise | Social enterprise | social-enterprise-network
O Social Enterprise Network :: To support the growth of social enterprises and community businesses, including access to contracts and finance
E Businesses for Good Group :: Helping community groups run businesses that make money for a good cause
T SE Ntwk :: soc ent; SROI
P Social Value Procurement Group :: Makes sure public contracts weigh social value under the Public Services (Social Value) Act 2012

@rural | topic | economy-regeneration community-cohesion | rural | Rural | rcc nfu natural-england
O Rural Partnership :: To tackle rural disadvantage and support the rural economy, services and transport in the villages
E Villages Forum :: Parish councils and village groups speaking up about buses, broadband, shops and affordable homes in the countryside
T Rural Grp :: market towns; RDPE
P LEADER Local Action Group :: Allocates the rural development grants to farm diversification and village projects

@broadband | topic | economy-regeneration | digital-infra | Broadband | lep rcc
O Superfast Broadband Programme Board :: To extend superfast broadband coverage to homes and businesses that the commercial market will not reach
E Get Connected Group :: Getting decent broadband into villages and business parks
T BDUK Grp :: coverage %; phase 2
P Digital Infrastructure Partnership :: Plans full-fibre and mobile coverage and the gigabit voucher scheme

@regeneration-area | topic | economy-regeneration neighbourhood-renewal housing | regeneration | Regeneration | developer homes housing-assoc groundwork
O Regeneration Partnership Board :: To oversee the masterplan for the former industrial area, including land assembly, new homes and employment space
E Waterfront Renewal Group :: Turning derelict land by the river into homes, jobs and green space
T Regen Bd :: masterplan; CPO; phase 1
P Single Regeneration Budget Partnership Board :: Manages the round six scheme: physical regeneration, training and community projects over seven years

@planning-growth | topic | economy-regeneration housing | growth | Growth | homes developer environment-agency
O Growth Point Partnership :: To plan and deliver the housing and infrastructure growth agreed for the area, including transport, schools and green space
E Planning for Growth Group :: Making sure new homes come with the roads, schools and doctors they need
T Growth Grp :: IDP; CIL; 5-yr supply
P Local Plan Steering Group :: Prepares the local plan and infrastructure delivery plan with partners

@local-procurement | topic | economy-regeneration | procurement | Procurement | chamber fsb
O Local Procurement Group :: To increase the share of public spending with local small businesses and the voluntary sector
E Buy Local Group :: Helping local firms win contracts from the council, the hospital and the college
T Procurement Grp :: spend analysis; meet the buyer
P Anchor Institutions Network :: Hospitals, colleges and councils using their buying power and jobs to benefit the local economy

@creative-industries | topic | economy-regeneration culture-leisure | creative | Creative industries | university arts-centre chamber
O Creative Industries Network :: To grow creative and digital businesses through workspace, networking and business support
E Makers and Creators Group :: Designers, artists and small digital firms helping each other find studios and customers
T CI Ntwk :: studios; start-ups
P Creative Enterprise Zone Board :: Manages the affordable studios and creative business grants
`;
