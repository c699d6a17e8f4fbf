/**
 * The part of the platform lexicon that is a pattern rather than a word: one-character verbs (送、领、抽) that need
 * their neighbours to mean a reward, share targets, the reader addressed as 您, contact ids. They run on
 * normalised text (normalize.ts: 一→1, full width folded, spaces and stars dropped, repeated characters folded),
 * so digits are \d and there is no whitespace. The words themselves are in dictionaries/platform.yaml.
 */

/**
 * Rewards a single character carries (S34 3.3.1 实物奖品; S35 2.1.2 金钱奖励、增加抽奖机会): 送 and 领 unless
 * they are part of an ordinary word (欢送、运送、送达；领导、领域、带领、心领、白领、将领), 抽 with a count (抽 3 位), and a verb
 * with an amount (得 10 元、返 5 元、享 8 折).
 */
export const rewardPatterns: readonly RegExp[] = [
  // 送上公证材料 hands over papers; it is not a present.
  /(?:就|即|还|再|都|各|可|能|多|免费|马上|立即|立刻|并|会)?(?<![欢护运输传葬断发接推相递])送(?![别达行往给到货餐走来去审检]|上[^,。!?]{0,10}?(?:材料|文件|公证|报告|名单|档案))/g,
  /(?:就|即|还|再|都|可|能|免费|马上|立即|立刻|并)?(?<![带率引本要占认招心首统将纲衣白蓝])领(?![导域先会悟袖土略队跑航事口带子结头衔空海养教证])/g,
  /抽[\d两几]+[位人名个]?|每[周天月期]抽/g,
  /(?:得|赢|拿|返|(?<![分共])享|奖)\d+(?:\.\d+)?(?:元|块|折|倍|份|张)?/g,
  /概率(?:翻倍|加倍|提高)/g,
  /(?<![证债])券|(?:就|马上|立即|立刻|都)发(?![现生展布表言出给到送挥酵烧育达])/g,
  /(?:多|加|赚|返|送|领|拿|减)\d+(?:\.\d+)?元|发(?:你|给你|您)(?!们)/g,
];

/**
 * Content held back until the reader acts (S34 3.3.1 分享后方可知道答案; S36 分享、关注后才可见; S41 方可解锁、查阅、
 * 下载): 才会显示、就能看到、下期就揭晓.
 */
export const gatePatterns: readonly RegExp[] = [
  /(?:才|就|即可|就能|才能|才会|就会|方|后)(?:显示|看到|查看|解锁|出现|揭晓|公布|公开|下载|开放)/g,
];

/** Where a share goes: 发到家族群、告诉五个好朋友、邀请 3 位好友 (S34: 分享至朋友圈; S47: 分享到微信群). */
export const shareTarget = /朋友圈|群|好友|朋友|亲友|家人|同事|室友|同学|爸妈|父母|闺蜜|亲戚|身边的人|\d+人/;

/** “在看” is the button when it is pressed, counted or listed (点个在看、在看过 100、点赞 + 在看), not 正在看. */
export const likeButtonBefore = /(?:点|个|加|\+|和|、|“|"|每|的)$/;
export const likeButtonAfter = /^(?:数|过|满|\+|和|、|都|”|"|,)/;

/** After an action: a past event (转发了、分享到了、点过), a noun (分享链接、点赞按钮、关注列表). */
export const narrativeAfter = /^(?:到|给|出|进)?(?:了|过(?!\d))/;
export const nounAfter = /^(?:功能|按钮|列表|链接|度|会|键|入口|量|率|者们|歌)/;
/** 三连败、三连胜、三连冠: a streak of games, not the like-在看-share triple. */
export const streakAfter = /^(?:败|胜|冠|跳|击|杀|鞭|斩|霸)/;

/** A clause that says the action is not a condition (关注公众号不是参与活动的条件). */
export const notACondition = /不(?:是|作为|构成|设)[^,:]{0,10}(?:条件|前提|门槛)/;

/** A quotation that names a tactic rather than uses it: 用“转发领红包”吸粉、以“关注后回复领取资料”的方式涨粉. */
export const mentionBefore = /(?:用|以|如|像|比如|例如|诸如|所谓|打着|类似|叫|称)$/;
export const mentionAfter = /^(?:的(?:方式|做法|活动|话术|说法|标题|套路|名义|形式)|这种|这类|之类|等|式|类|字样|为由)/;

/** What addresses a reader in a sentence about a red packet: 下面这个红包、点我、即可、您. */
export const readerCue = /下面|下方|这个|此|点我|点击|点此|打开领取|即可|就能|立即|马上|赶紧|快来|请|您|你/;

/** A negation that is really an exhortation: 不要忘了点在看、别错过. */
export const negationNotNegating = /^(?:忘|错过)/;

/** A question that offers something, answered by the next sentence: 想看后半部分？关注后回复“续集”。(S36 关注后才可见) */
export const offerQuestion = /想(?:看|要|知道|领|获得|拿|下载|听|学)[^?]*\?$/;

/** The reader addressed as an account holder, as system messages do (S38 仿冒系统消息): 您有、您的、你获得. */
export const secondPerson = /您|你的|你有|你获得|你收到|你已/;

/** The request in a vote campaign: 请……投、帮……投、给 3 号作品投票、快来为自己拉票、发动亲友投票 (为什么 asks why, nobody to vote). */
export const voteRequest = /(?:请|帮|给|(?<![因作成认以])为(?!什[么幺]|何)|拜托|快来|发动|求|每天|每人|动员|号召)/;

/** Verbs that send a reader off the platform when they precede a destination (加我个人微信、下载我们的 App). */
export const divertBefore = /(?:加|添加|搜|搜索|下载|扫码|扫描|进|入|私信|联系|关注|打开|戳这里|去)(?:我|我的|我们|我们的|客服|客服的|个人|私人|官方|这个|一下|下|\d+个)*(?:“[^”]{1,10}”)?$/;
/** …or follow it (小红书搜“小明的茶”、淘宝搜索店铺、在浏览器打开). */
export const divertAfter = /^(?:里|中|上|号|店铺)?(?:搜|搜索|打开|下单|购买|私信|私聊|加我|关注我)/;
/** An account or shop named after a platform: 抖音号、店铺“小明茶舍”、搜“小明的茶”. */
export const namedAccount = /^(?:号|店|店铺|旗舰店|直播间|主页)|^[^,。!?;]{0,6}“|^(?::|号)?[a-z0-9]{5,}/;
/** A contact id after a destination (微信号 abc88888、QQ 是 123456789), or a phone number in the sentence. */
export const contactAfter = /^,?(?:号|号码|群|群号)?(?::|是|为)?[a-z0-9]{5,}/;
export const phoneNumber = /1[3-9]\d{9}/;

/** What lures a reader off the platform or into a group: 无删减、完整版、领取……(rewards count too). */
export const divertLure = /无删减|完整版|独家|内部价|下单|咨询|原图|素材|资料|更多/;

/** A headline that blames the reader or speaks for a crowd (S39 煽动蛊惑、夸大误导): 你还在……吗？ 99% 的人. */
export const baitPatterns: readonly RegExp[] = [
  /你还在[^?]{0,16}吗/,
  /[89]\d%的(?:人|父母|家长|妈妈|女人|男人|女性|男性|中国人|网友|孩子|老人|年轻人|上班族)/,
];
