/**
 * The sentence patterns that decide how an absolute term reads. Each group says where it comes from: the 2023 SAMR
 * guideline 《广告绝对化用语执法指南》 and its draft (SOURCES.md S02: the exempt cases — 经营理念, 自我比较, 最佳方法/时间/
 * 保存期限 等消费提示, 国家标准分级, 商品名称与商标, 背景信息, 依法评定的奖项称号, 限定时空的客观顺序), the punished cases
 * (S45 杭州炒货店“最好的”, 瑞安银行“最大化”“最强”; S46 “随意宣称第一、首创、最佳”), and SOURCES.md decision 2 (what the
 * corpus holds ordinary: people, adverbial 最好, ordinals, history, third parties, negations, quotations, parameters).
 * All patterns run on folded text (simplified, half-width, lower case).
 */

/** The writer speaking for the seller: 本店、本品、我们的、我们是 … (S45 “本店”; decision 2). Inclusive “我们可以” is not. */
export const selfMarker =
  /本(?:店|品|产品|公司|企业|厂|院|校|机构|平台|项目|楼盘|小区|酒店|民宿|餐厅|门店|网店|工作室|诊所|商城|基地|茶庄|茶室|农场|牧场|果园|馆|园|司|品牌|课程)|我司|我店|小店|敝店|咱家|我家|自家|我们(?:的|家|是|店|公司|品牌|团队|茶园|工厂|门店|平台|机构|医院|学校|这里|这儿|卖|做|推出|研发|提供|拥有|有全|采用|坚持|选用|独家)|(?:选|找|认准)我们|就在我们(?:这里|这儿|店里?|门店|家)?(?!\p{Script=Han})/u;

/** A demonstrative on the thing promoted: 这款、此款、该产品 … */
export const productMarker = /(?:这|此|该|本)一?款|(?:这|此|该)(?:台|支|盒|罐|系列|产品|商品|楼盘|课程|疗程|套餐)/;

/**
 * Market-wide comparison ranges (S02: comparison with other sellers; S46 “全网”“行业”“第一”). 本市、本省 only where 本 starts
 * the word: in 墨尔本市中心、日本市场 it ends another one.
 */
export const marketScope =
  /全网|全国|全球|全世界|世界|中国|国内|国际|海内外|全行业|行业|业内|业界|同行|同类|同价位|同级|市面上|市场上|史上|有史以来|全城|全市|全省|全县|省内|市内|城央|(?<![日尔成资基版书样课剧账原范文脚标根熊])本[市省]|天下|宇宙/;

/** Words of selling: the sentence is an offer even when it does not say whose (S45, S46; decision 4's buy calls). */
export const salesCue =
  /没有之一|只此一家|独此一家|仅此一家|只此一批|仅此一款|别家|同行|闭眼入|闭眼买|不踩雷|限量|抢购|下单|购买|入手|种草|回购|销量|天花板|标杆|镇店|招牌|首发(?!集体|阵容|球员|出场|登场|上场|名单|队员)|独家(?!专利)|欢迎选购|值得拥有|不容错过|再等一年|只给懂|信赖|必备|包邮|旗舰|授权|代理|买贵|退差价|假一赔|不信你|找不到第二|比不了|学不来|没有比|无可比拟|无可复制|再无此|只卖|只要\s*\d|立即(?:购买|下单|抢购|抢)|扫码|高收益|坐诊|报名|只有今天|仅限今天|仅此一天|限时|全额担保|本息|保本|保息|亲手制作/;

/** A shop named without saying whose (这家店的蛋白粉): the goods may be the account's own. */
export const shopMarker = /这家店|这个店|店里|店家|这家铺子/;

/** Price and offer words (decision 2: “a price or offer”). */
export const priceCue = /价|[¥￥]|\d\s*元|折|优惠|大促|促销|券|立减|秒杀|特惠|包邮|下单|购买|抢购|全场|利率|费率|佣金|团购|活动|性价比/;

/** Superlatives that are about price or value for money. */
export const priceTerm = /价|便宜|划算|实惠|优惠|折扣|最值|最省|最低$/;

/** A time range before a price superlative makes it an offer: 全年最低、今年最划算、史上最低. */
export const offerTimeBefore = /(?:全年|今年|年度|本季|当季|史上|历史|全场|今天|今日|本月|双十一|618)[^，。]{0,2}$/;

/** A negation in the clause before the term (decision 2: 不是最便宜的, 没有绝对的最好). */
export const negationBefore =
  /(?:不是|并不是|并非|不算|算不上|谈不上|称不上|说不上|没有|没|不一定|不见得|未必|不求|不想|不必|不用|无需|不需要|不要|不会|不敢说|难说|不再|别)[^，。；但却]{0,10}$/;

/** “没有最好的茶，只有最适合自己的”: the second half of the saying is as general as the first. */
export const onlyAfterNegation = /^(?:只有|而是|只是)/;

/** Reported speech and opinions (decision 2: quotations; 他说这是他喝过最好的一杯). */
export const reported =
  /(?:他|她|他们|她们|有人|人们|网友|读者|朋友|专家|老师|医生|营养师|报纸|评论|影评人|媒体|书上|文献|大家)[^，。]{0,8}?(?:说|认为|表示|评价|称|觉得|写道|问|透露|建议|提到|指出|普遍)|据说|听说|被认为|公认|(?:猜测|推测|观点|报告|研究|分析)[^，。]{0,4}?(?:认为|指出|表明|显示)/;

/**
 * Speech attributed after the words, as news writes it (成为世界冠军是一个了不起的成就，这位美国人说道。): the clause
 * ends in a speaker and a verb of saying, with nothing after it.
 */
export const attributedAfter = /[，,—]\s*[^，,。；]{1,16}?(?:说道|说|表示|写道|称|指出|告诉记者)\s*$/;

/** A third person owning or doing what the term grades (难道他们世界第一的地位已不保): someone else, not the seller. */
export const thirdPersonBefore = /(?:他|她|它)们?的?\s*$/;

/** After 永不: a disposition (永不满足的胃口、永不言败), not a guarantee on goods (永不褪色). */
export const dispositionAfter = /^(?:满足|言败|言弃|放弃|妥协|屈服|低头|服输|忘记|忘怀|停歇|止步|回头|后悔|认输)/;

/** Quotation used as the seller's own claim: 被誉为“茶中之王”. */
export const claimedByQuote = /被誉为|誉为|号称|堪称|人称|被称为|被评为|荣获|获评/;

/** Comparison among one tea's own infusions or one brand's own models (S02 exempt case 1, 自我比较). */
export const selfComparison = /第\s*[2-9二三四五六七八九十]\s*泡|泡到第|新款比|比上一代|比老款|比旧款/;

/** Background and history (S02 exempt case 5 背景信息; case 7 限定时空的客观顺序; decision 2 历史上第一家). */
export const history =
  /历史上|史料|建于|始建|创建于|创立于|成立于|诞生于|始于|起源于|源自|源于|追溯|上世纪|\d\s*0\s*年代|\d{3,4}\s*年|世纪|古代|古人|当年|那年|那一年|曾经|曾是|前身|年前|开展的/;

/** Rank or first-to terms that history can excuse; evaluative superlatives (最好) it cannot. */
export const rankTerm = /第一|第1|首|唯一|唯1|最早|最老|最古老|最先/;

/** After 最好: an adjective (最好的, 最好用的, 效果最好。) rather than the adverb “had better” (最好提前预约). */
export const adjectivalZuihao = /^(?:$|[的。，、！？!?,.；;：:）)\]”』」\s~～]|不过|了|[用吃喝看卖玩听闻穿](?:$|[的。，、！？!?,.；;）)\s]))/;

/** Dimension superlatives: a parameter when a noun or a number follows (最大功率, 最低 10 元; decision 2, S02). */
export const dimensionTerm = /^最(?:高|低|大|小|多|少|长|短|快|慢|重|轻|宽|窄|深|浅|厚|薄|远|近|热|冷|暖|老|古老|年轻)$/;
export const parameterAfter = /^\s*(?:[为达约是可]{0,2}\s*\d|不超过|不低于|不少于|[^\s的得地价品折端档级化限程最，。、！？!?,.；;：:（）()\d“”"a-z-])/;

/** Consumer tips the guideline exempts (S02 case 2: 最佳方法、最佳时间、最佳保存期限; decision 2: 最佳冲泡水温、最佳赏味期). */
export const tipAfter =
  /^的?[^，。；、]{0,6}?(?:时间|时机|时期|时段|时候|季节|月份|方法|方式|办法|做法|吃法|喝法|泡法|用法|温度|水温|火候|比例|配比|赏味期|饮用期|保质期|保存期|观赏期|食用期|品尝期|实践|步骤|顺序|姿势|时长|途径|策略)/;

/** A time or occasion before 最适合、最好、最佳: the best time to do something is a consumer tip (S02 case 2). */
export const timeBefore =
  /(?:春天|夏天|秋天|冬天|春季|夏季|秋季|冬季|早上|早晨|上午|中午|下午|晚上|夜里|睡前|饭后|饭前|空腹|平时|这个季节|这时候|此时|天冷|天热|换季|雨季|三伏天|节气)\s*$/;

/** Superlatives that name the best choice in a how-to (小葱最佳，大葱也可以), not a quality of the goods. */
export const choiceTerm = /^(?:最好|最佳|最优|首选|最适合|最合适)/;

/** Grades under a national or trade standard (S02 case 3: 一级能效、特级). */
export const gradeAfter = /^的?(?:等级|级别|档位|能效)/;

/** Titles and awards an authority grants and that can be checked (S02 case 6; decision 2: 国家级非物质文化遗产). */
export const titleAfter =
  /^的?(?:非物质文化遗产|非遗|自然遗产|文化遗产|世界遗产|自然保护区|重要湿地|湿地|风景名胜区|良种|茶树良种|高新区|高新技术|经济技术开发区|开发区|新区|示范区|文物保护单位|重点文物|贫困县|森林公园|湿地公园|地质公园|旅游度假区|历史文化名城|重点实验室|运动员|裁判|教练|传承人|代表性|保护动物|重点保护)/;
export const awardAfter = /^[^，。；]{0,4}?(?:奖|影片|男主角|女主角|男配角|女配角|导演|编剧|新人|演员|纪录片|得主|获得者)/;
/** A title won, however far the win is put before it in the clause (夺得了 1946 年的全国冠军以及两次世界冠军). */
export const wonBefore = /(?:夺得|获得|赢得|荣获|夺取|摘得|拿下|斩获)了?[^，。；]{0,20}$/;
export const titleWon = /冠军|亚军|季军/;
export const awardBefore = /(?:拿了|拿过|拿到|拿|获得|获得了|夺得|夺得了|赢得|赢得了|荣获|获|票数|得票|考了?|跑了?)$/;

/** Proper names: 第一中学、最高人民法院、皇家园林 (decision 2). */
/**
 * An institution's name a term opens (皇家哈兰郡医院、皇家布兰普顿和哈里菲尔德信托基金、第一附属医院): the name runs on, with no
 * punctuation, 的 or grade word, to the kind of body it is.
 */
export const institutionNameAfter = /^[^\s，,。；;、：:的（()级品牌御贡]{0,10}?(?:附属医院|医院|医学院|大学|学院|研究所|研究院|信托|基金会|基金|学会|协会|剧院|银行|海军|空军|陆军)/u;

export const properNameAfter = /^(?:中学|小学|高中|初中|中心小学|实验小学|人民医院|医院|大街|街|路|大道|桥|师范|财经|人民法院|人民检察院|园林|马德里|学会|植物园|歌剧院|芭蕾)/;

/** Ordinals: 第一 + a measure word or a number (第一次、第一场雪、第一百篇; decision 2). */
export const ordinalAfter =
  /^(?:[0-9百千万十]|[次步天章节季眼口泡批周年个位轮场遍道层条点件段部篇期届站手线排页杯壶课集讲句行项种类茬瓶本例份面块套台家款所支棵只头张封首回局关号任代座颗艘架辆枚]|印象|反应|人称|阶段|时间|部分|参数)/;
/** 第一家 / 第一款 with a market range or the seller as subject is a first-to claim (国内第一家做…的品牌), not an ordinal. */
export const firstToAfter = /^(?:家|款|个|台|所|支|条|套|座|颗|艘|架|辆)/;
export const scopeJustBefore =
  /(?:全网|全国|全球|全世界|世界|中国|国内|国际|行业|业内|业界|同行|同类|市面上|史上|全城|全市|全省|省内|市内|(?<![日尔成资基版书样课剧账原范文脚标根熊])本[市省]|天下)[^，。]{0,2}$/;

/** “最…之一” softens a superlative to a member of a set (decision 2: 最早的…之一); “没有之一” is the opposite. */
export const oneOf = /之[一1]/;
/** 许多最受欢迎的项目: several of the most, as 之一 is one of them. */
export const manyOf = /(?:许多|很多|不少|众多|诸多|一些|多个|几个)\s*$/;
export const noneOf = /没有?之[一1]/;

/** A superlative on an abstract noun says nothing about goods: 最大的问题、最大的区别、最大的鼓励 (decision 2). */
export const abstractHeadAfter =
  /^的?(?:问题|区别|不同|差别|差异|特点|特色|优点|缺点|短板|长处|优势|劣势|收获|障碍|教训|心愿|愿望|遗憾|鼓励|动力|支持|挑战|困难|难题|难点|好处|原因|意义|感受|体会|贡献|抱负|敌人|误区|变化|乐趣|感触|快乐|幸福|荣幸|期待|梦想|担忧|顾虑|爱好|兴趣|理由|关键|前提|价值|目的|用意|用途|例外|途径|出路|办法|解释|答案|设置|配置|改动|开销|权限|精神|勇气|决心)/;

/** After 绝对: an adverb on a negation (绝对不会) is emphasis, not a guarantee. */
export const adverbialJueduiAfter = /^(?:不|没|别|禁止)/;

/** 100% and 百分百 as a guarantee need a quality word after them; after a rate or a content noun they are figures. */
export const guaranteeAfter = /^\s*(?:的)?\s*(?:纯|天然|正品|有效|安全|满意|好评|无添加|原装|真|纯正|可靠|保证|放心|无害|无毒|还原)/;
export const figureBefore = /(?:率|量|度|含|占|功率|电量|进度|是|为|达|达到|约|约等于|≈)\s*$/;

/**
 * Contests: a title or a score won in a match or a tournament is a fact about the winner (decision 2: people and
 * events; S02 case 6: 依法评定的奖项、称号), 16 岁获全国冠军赛青年组亚军、拿下全队最高的 18 分、俱乐部史上的最佳成绩.
 * 赛道 (a market segment) and 赛级 (a sales word) are not contests, nor is a cup of tea (一杯).
 */
export const contest =
  /赛(?!道|博|级)|(?:世界|欧洲|亚洲|美洲|足协|联合会|超级)杯|杯赛|奥运|奥林匹克|运动?会|锦标|冠军赛|夺冠|卫冕|蝉联|包揽|球队|全队|队员|选手|运动员|球员|进球|射门|得分|击败|战胜|出场|首发|主场|客场|纪录/;

/** A field's own history (赛马史上、建筑史上、俱乐部职业史上): a comparison inside its past, not a sales claim. 这是史上最… is not one. */
export const domainHistory = /\p{Script=Han}(?![是的了为在有])\p{Script=Han}史上/u;

/**
 * A named institution that made or runs the thing, in the term's clause after it (最好的算法教材由麻省理工学院出版、最早的
 * 译本由商务印书馆出版): a third party's work, as 由……公司独家承保 is before it. The seller's own (本课程由……开设) is read
 * first; sales words (最受欢迎、销量第一) stay claims.
 */
export const namedAgentAfter =
  /^[^,，。；;！!？?]{0,16}?由\s*[\p{Script=Han}]{2,16}?(?:大学|学院|出版社|印书馆|书局|基金会|研究所|研究院|科学院|协会|学会|博物馆|图书馆|政府|委员会)\s*(?:开设|出版|主办|开发|维护|编写|编纂|发布|制定|提出|发明|设计|翻译)/u;

/** A comparison inside one set the sentence has just listed (三款点心，其中绿豆糕最软): S02 case 1, 自我比较. */
export const amongThem = /其中/;

/** After the superlative: a period of time (最盛时期、最冷的时候), not the goods. */
export const periodAfter = /^的?(?:时期|时候|阶段|年代|年头|日子)/;

/**
 * The head of the noun phrase a term grades, when it is a place, a building, a natural feature or a thing nobody
 * sells here (世界上最长的河、全国面积最大的平地公园、全球唯一以手套为主题的展馆、中国第一颗通信卫星): a fact about a
 * third party (decision 2); so is an event nobody sells, as news grades it (有史以来最严重的干旱、最致命的空难), and a substance or a
 * disease as medicine grades it (全球使用最广泛的非法精神活性物质). The phrase may carry modifiers (以饼干为主题的); the head is the noun it ends in, before
 * the clause ends or the sentence goes on (就在、位于、之一). Shops, restaurants, hotels, factories and firms are not in
 * it: they may be the seller's own, and stay “subject unclear”.
 */
export const placeHead =
  /^[^，。；！？]{0,24}?(博物馆|纪念馆|美术馆|展览馆|主题馆|展馆|文化馆|图书馆|歌剧院|剧院|音乐厅|体育馆|公园|乐园|植物园|动物园|湿地|保护区|风景区|景区|景点|古迹|遗址|古镇|古村|寺|庙|祠|宫|教堂|塔|桥|隧道|车站|火车站|机场|港口|码头|铁路|公路|运河|河流|河|江|湖|海峡|海沟|海|山峰|山|峰|岛|海湾|瀑布|峡谷|洞穴|平原|高原|沙漠|城市|地方|地区|场所|场域|设施|建筑|大楼|大厦|广场|观光工厂|卫星|火箭|飞船|探测器|望远镜|恐龙|物种|物质|元素|化合物|病原体|病毒|细菌|疾病|精神障碍|障碍|干旱|洪水|洪灾|地震|火灾|山火|灾难|灾害|事故|空难|危机|衰退|暴雨|台风|飓风|风暴|寒潮|热浪|袭击|冲突|战争|疫情|流行病|罢工|抗议|骚乱|丑闻|选举)(?=$|[的之就是在位于有也还，,。；、（(]|之一)/;

/** Ranges of the market, as against places: a superlative over 全网 or 同行 compares sellers, whatever it grades. */
export const tradeScope = /全网|全行业|行业|业内|业界|同行|同类|同价位|同级|市面上|市场上|别家/;

/**
 * A named body or an event doing the act (由中国人民财产保险股份有限公司独家承保、大会展示了……最受欢迎的冷冻食品), or public
 * bodies making it (该片由省卫生厅、省教育厅联合摄制，是……唯一的科教片): the term describes what that party does or shows,
 * not the seller's goods.
 */
export const namedAgentBefore =
  /由[\p{Script=Han}A-Za-z]{2,30}(?:公司|集团|银行|协会|学会|研究院|研究所|大学|政府|委员会|基金会|博物馆)$|由[^，。；]{0,30}?(?:部|厅|局|委|委员会|政府)[^，。；]{0,20}?(?:联合)?(?:摄制|拍摄|制作|出版|编写|编制|发布|主办)|(?:大会|展会|博览会|展览会|交易会|组委会|主办方)上?(?:还|也|共|则)?(?:展示|展出|评选出|评出|公布)了?/u;

/**
 * A named person or an office speaking before the words (商务部长格雷格·克拉克表示，如果英国……失去全球汽车制造业领导者的
 * 地位): reported speech, as news writes it, like 他说.
 */
export const namedSpeakerBefore =
  /(?:\p{Script=Han}{1,6}·\p{Script=Han}{1,8}|部长|大臣|总统|总理|首相|主席|发言人|议员|教授|大使|市长|州长)[^，。；“”]{0,8}?(?:说|表示|称|指出|认为)[，,：:]/u;
/** 三届世界冠军、两次奥运冠军: titles a person has won, counted. */
export const countedTitleBefore = /[一二两三四五六七八九十\d]+\s*(?:届|次|度|枚|连)[^，。；]{0,4}$/u;
/** 最不受欢迎、最不受待见: disfavour, which praises nothing. */
export const disfavour = /^最(?:为)?不(?:受|被|讨)/u;
/** 增长最为强劲、跌幅最大: a reported change graded against others in the report. */
export const changeBefore = /(?:增长|增幅|涨幅|跌幅|上涨|下跌|下降|下滑|回落|反弹|升幅|降幅)(?:得)?$/u;

/**
 * A plan's aim (建设一批……国家级医学中心、引进和培养一批具有国际领先水平的学科带头人、到 2030 年建成国际一流的……体系):
 * what a public plan sets out to build, not goods graded. It needs the verb of building and a plan's words (一批, a
 * target year, 规划), so a firm's 打造一流品牌 is not read this way.
 */
export const planAimBefore = /(?:建设|建成|培养|引进|创建|培育|形成)(?:和(?:培养|引进|建设))?(?:一批|一支|若干)?[^，。；]{0,20}$/u;
/** 我们引进了一批国际领先的设备: the writer's own firm building, not a public plan. */
export const firstPerson = /我们|咱们|我司|我院|我校|我店|我厂/u;
export const planWords = /一批|一支|到\s*20\d{2}\s*年|规划|纲要|行动计划|健全|推进|加快/u;

/** 按最低价计、按最高价计算: the basis of a sum worked out, not a price offered. */
export const reckonedBefore = /按$/u;
export const reckonedAfter = /^(?:计|计算|算)/u;
