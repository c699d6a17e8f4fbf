// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit: change the schema.

/**
 * content/<account>/articles/<YYYY>/<slug>/index.md 的 YAML frontmatter。The YAML frontmatter of one article.
 */
export type ArticleFrontmatter = {
  /**
   * 文章标题，微信草稿接口限 32 个字符（账号可在 account.yaml 的 limits.title 调整）。Article title; WeChat draft API limit 32 characters, configurable per account.
   */
  title: string;
  /**
   * 作者名，实测超过 8 个字符会报错 45110（limits.author 可调）。Author; 8 characters is the safe limit (error 45110), configurable per account.
   */
  author?: string;
  /**
   * 摘要，文档上限 128，常用安全值 120（limits.digest 可调）；不填则微信取正文前 54 字。Digest; 120 characters is the safe limit; if omitted WeChat uses the first 54 body characters.
   */
  digest?: string;
  /**
   * 封面图的相对路径（JPEG、PNG，或会自动转换的 WebP、GIF、AVIF、TIFF、SVG），会据此裁出 2.35:1 和 1:1 两张。Relative path of the cover image (JPEG or PNG; WebP, GIF, AVIF, TIFF and SVG are converted); 2.35:1 and 1:1 crops are derived from it.
   */
  cover?: string;
  /**
   * 流程状态：draft 草稿、review 审核中、approved 已过审、scheduled 已排期、published 已发布、archived 已归档。Workflow status.
   */
  status: "draft" | "review" | "approved" | "scheduled" | "published" | "archived";
  /**
   * 计划发布时间，必须带时区，例如 2026-12-03T20:00:00+08:00。Planned publish time, ISO 8601 with a time-zone offset.
   */
  publish_at?: string;
  /**
   * 对应内容计划中的条目，格式 YYYY-MM/条目 id，例如 2026-12/03。The content-plan entry, as <month>/<entry id>.
   */
  plan?: string;
  /**
   * 标签列表。Tags.
   */
  tags?: string[];
  /**
   * 微信合集名称。The WeChat collection (合集) the article belongs to.
   */
  collection?: string;
  /**
   * 本文使用的排版主题，覆盖账号的 theme。Typesetting theme for this article, overriding the account's.
   */
  theme?: string;
  /**
   * true 表示原创；转载时写 {source, url, authorized: true}。true for original work; for a reprint, its source, URL and the authorisation.
   */
  original?:
    | boolean
    | {
        /**
         * 原文作者或出处。Original author or publication.
         */
        source: string;
        /**
         * 原文地址。URL of the original.
         */
        url?: string;
        /**
         * 必须已取得转载授权。The reprint must be authorised.
         */
        authorized: true;
      };
  /**
   * false 表示非广告；商业合作写 {advertiser}，渲染时会加上“广告”标识（广告法第十四条）。false, or the advertiser of a sponsored article, which is labelled 广告 (Advertising Law art. 14).
   */
  sponsored?:
    | boolean
    | {
        /**
         * 广告主名称。The advertiser.
         */
        advertiser: string;
      };
  /**
   * 文中数据与事实的出处，引用统计数据时至少两个独立来源。Sources for statistics and facts; at least two independent ones for statistics.
   */
  sources?: {
    /**
     * 来源名称。Title of the source.
     */
    title: string;
    /**
     * 来源地址。URL of the source.
     */
    url?: string;
  }[];
  /**
   * 留言设置：open 所有人、fans-only 仅粉丝、closed 关闭。Who may comment.
   */
  comments?: "open" | "fans-only" | "closed";
  /**
   * “阅读原文”链接，最长 1 KB。The read-original link, at most 1 KB.
   */
  content_source_url?: string;
  /**
   * 由 mpdesk publish 在每次成功调用微信接口后写入，请勿手改；重跑时据此续上，不会重复建草稿或重复发表。Written by mpdesk publish after each successful WeChat call, never by hand; a re-run resumes from it.
   */
  wechat?: {
    /**
     * drafting 正在建草稿、drafted 已在草稿箱、submitting 正在提交发表、publishing 发表中、published 已发表、originality-failed 原创校验未通过、failed 发表失败、rejected 审核未通过、deleted 已被删除、banned 已被封禁。Where publishing stands.
     */
    state:
      | "drafting"
      | "drafted"
      | "submitting"
      | "publishing"
      | "published"
      | "originality-failed"
      | "failed"
      | "rejected"
      | "deleted"
      | "banned";
    /**
     * 这篇所在草稿的 media_id（draft/add 返回）。The draft's media id.
     */
    draft_media_id?: string;
    /**
     * 在多图文草稿里的位置，从 0 起，draft/update 用它。Position in a multi-article draft, from 0.
     */
    draft_index?: number;
    /**
     * 上次送进草稿箱的内容的 sha256；内容没变就不再调用 draft/update。sha256 of what was last sent, so unchanged content is not sent again.
     */
    draft_hash?: string;
    /**
     * freepublish/submit 返回的发布任务 id。The publish job id.
     */
    publish_id?: string;
    /**
     * 发表成功后的 article_id。The published article's id.
     */
    article_id?: string;
    /**
     * 群发消息 id（数据统计 msgid 的前半）；freepublish 不返回它，由数据拉取补上。The mass-send message id, when known.
     */
    msg_data_id?: string;
    /**
     * 发表后的文章地址。URL of the published article.
     */
    url?: string;
    /**
     * 第一次进草稿箱的时间，带时区。When the draft was made.
     */
    drafted_at?: string;
    /**
     * 最近一次 draft/update 的时间。When the draft was last updated.
     */
    updated_at?: string;
    /**
     * 提交发表（freepublish/submit）的时间。When publishing was submitted.
     */
    submitted_at?: string;
    /**
     * 微信报告发表成功的时间，带时区。Actual publish time with offset.
     */
    published_at?: string;
    /**
     * 发表没有成功时，微信所给状态的中文说明。Why publishing did not succeed.
     */
    fail_reason?: string;
  };
};

/**
 * content/<account>/account.yaml：一个公众号的设置。Settings of one Official Account.
 */
export interface AccountSettings {
  /**
   * 公众号名称。The account's display name.
   */
  name: string;
  /**
   * 公众号简介，最多 120 字。The account's introduction.
   */
  description?: string;
  /**
   * 账号售卖或推广的行业，一个或多个；合规检查据此判断哪些说法受特别限制。What the account sells; the compliance rules use it to know which claims are regulated.
   *
   * @minItems 1
   */
  industry?: (
    | "food"
    | "tea"
    | "alcohol"
    | "health-food"
    | "medical"
    | "pharma"
    | "medical-device"
    | "medical-beauty"
    | "cosmetics"
    | "education"
    | "finance"
    | "real-estate"
    | "ecommerce"
    | "media"
    | "other"
  )[];
  /**
   * 本账号自己的品牌、产品和店名；正文说到它们时，绝对化用语按“描述所推广的商品”处理。The account's own brands, products and shops.
   */
  products?: string[];
  /**
   * 公众号的微信号或原始 id。The account's WeChat id or original id.
   */
  wechat_id?: string;
  /**
   * 发布和数据统计调用微信接口用的开发者凭据：AppID 写在这里，AppSecret 只放在环境变量里，绝不写进仓库。Developer credentials for publishing and metrics: the AppID here, the AppSecret only in an environment variable, never in the repository.
   */
  wechat?: {
    /**
     * 开发者 ID（公众号后台 设置与开发 → 基本配置），wx 加 16 位小写十六进制，如 wx1234567890abcdef；它不是机密。The developer ID: wx and 16 lower-case hex digits; not a secret.
     */
    appid: string;
    /**
     * 存放 AppSecret 的环境变量名（大写字母、数字、下划线），不是 AppSecret 本身；默认 WECHAT_APPSECRET。每个账号可用自己的变量，在 GitHub Actions 里对应一个仓库 secret。The name of the environment variable holding the AppSecret, not the secret itself; one per account, a repository secret in GitHub Actions.
     */
    secret_env?: string;
    /**
     * 账号是否有留言功能（默认有）。没有的账号，文章的 comments 只能是 closed 或不写，否则微信拒绝草稿（88000），mpdesk publish 在调用前就拒绝。Whether the account has the comment feature; without it an article asking for comments is refused before any call (WeChat: 88000).
     */
    comments?: boolean;
  };
  /**
   * styles/themes/ 下的主题名。Name of a theme under styles/themes/.
   */
  theme?: string;
  /**
   * 品牌主色与强调色，覆盖主题的强调色。Brand colours; they override the theme's accent.
   */
  brand?: {
    /**
     * 十六进制颜色，如 #3a6b4c。Hex colour.
     */
    primary?: string;
    /**
     * 十六进制颜色。Hex colour.
     */
    accent?: string;
  };
  /**
   * 新建文章时的默认作者。Author used by `mpdesk new` when none is given.
   */
  default_author?: string;
  /**
   * 本账号的微信字段长度上限（字符数）。WeChat field limits for this account, in characters.
   */
  limits?: {
    /**
     * 默认 32；老账号可到 64。Default 32; older accounts accept 64.
     */
    title?: number;
    /**
     * 默认 8；文档写 16。Default 8; the docs say 16.
     */
    author?: number;
    /**
     * 默认 120；文档写 128。Default 120; the docs say 128.
     */
    digest?: number;
  };
  /**
   * 追加到每篇文章末尾的 Markdown（关注、留言、转发的引导）。Markdown appended to every article.
   */
  footer?: string;
  /**
   * 推荐用语及应避免的写法。Preferred terms and the spellings to avoid.
   */
  glossary?: {
    /**
     * 应使用的写法。The term to use.
     */
    preferred: string;
    /**
     * 应改掉的写法。Spellings to replace.
     *
     * @minItems 1
     */
    avoid: string[];
    /**
     * 为什么。Why.
     */
    note?: string;
  }[];
  /**
   * 审核级别，按顺序：默认两级（编辑、审稿），可加第三级（终审）。Approval levels in order; two by default, three possible.
   */
  review: {
    /**
     * 每级的名称和可审批的人（GitHub 登录名或 org/team）。Each level's name and who may approve (GitHub logins or org/team).
     *
     * @minItems 1
     * @maxItems 3
     */
    levels: {
      /**
       * 如 编辑、审稿、终审。
       */
      name: string;
      /**
       * GitHub 登录名或 org/team；不用 GitHub 的团队（mpdesk review record）可写姓名。GitHub logins or org/team slugs; teams not on GitHub may use names.
       *
       * @minItems 1
       */
      approvers: string[];
    }[];
  };
  /**
   * mpdesk metrics 的设置：有没有数据接口，以及后台导出文件的列名。Settings of mpdesk metrics: whether the account has the statistics API, and the column names of its backend exports.
   */
  metrics?: {
    /**
     * false：账号没有数据统计接口（未认证），mpdesk metrics pull 和定时任务跳过它，数据用 mpdesk metrics import 导入后台导出的文件。默认 true（有 wechat.appid 时）。false: no statistics API (unverified account); pulls skip it and its numbers come from mpdesk metrics import.
     */
    api?: boolean;
    /**
     * 后台导出文件的列名 → 字段，补充（或覆盖）默认的列名，如 阅读量: int_page_read_count。Column name in a backend export → field, added to the default map.
     */
    headers?: {
      [k: string]:
        | "date"
        | "publish_date"
        | "title"
        | "url"
        | "target_user"
        | "int_page_read_user"
        | "int_page_read_count"
        | "ori_page_read_user"
        | "ori_page_read_count"
        | "share_user"
        | "share_count"
        | "add_to_fav_user"
        | "add_to_fav_count"
        | "new_user"
        | "cancel_user"
        | "net_user"
        | "cumulate_user"
        | undefined;
    };
  };
  /**
   * 月度目标，报告会据此对比。Monthly targets the reports compare against.
   */
  kpi?: {
    /**
     * 每月阅读次数目标。Target reads per month.
     */
    monthly_reads?: number;
    /**
     * 每月净增关注目标。Target net new followers per month.
     */
    new_followers?: number;
    /**
     * 分享次数 / 阅读次数，0 到 1。Shares per read, 0 to 1.
     */
    share_rate?: number;
    /**
     * 每月阅读人数（每日阅读人数之和）目标。Target readers per month (the sum of each day's readers).
     */
    monthly_readers?: number;
    /**
     * 群发文章的阅读人数 / 送达人数，0 到 1。Readers per delivered follower of the month's mass sends, 0 to 1.
     */
    open_rate?: number;
    /**
     * 收藏次数 / 阅读次数，0 到 1。Favourites per read, 0 to 1.
     */
    favorite_rate?: number;
  };
  /**
   * mpdesk report 标记异常（疑似刷量、买量、限流）的阈值；不写就用默认值。Thresholds at which mpdesk report flags anomalies (possible bought traffic or followers, restricted delivery); each has a default.
   */
  anomalies?: {
    /**
     * 基线取前多少天的中位数。Days before a day whose median is its baseline.
     */
    baseline_days?: number;
    /**
     * 一天的阅读次数或新增关注达到基线的几倍算暴涨。A day's reads or new followers at this multiple of the baseline is a spike.
     */
    spike_factor?: number;
    /**
     * 暴涨那天的分享率低于基线分享率的这个比例，算分享没有跟上。On a spike day, a share rate below this fraction of the baseline's means shares did not follow.
     */
    share_drop?: number;
    /**
     * 一篇文章的阅读人数/阅读次数或分享次数/阅读次数，高于或低于账号常态的这个倍数算偏离。An article's readers-to-reads or shares-to-reads ratio this many times above or below the account's norm.
     */
    ratio_factor?: number;
    /**
     * 0–5 点的阅读占当天的比例达到多少才检查。Share of a day's reads in hours 0–5 from which night reading is checked.
     */
    night_share?: number;
    /**
     * 夜间占比还要达到基线的几倍才算异常。The night share must also reach this multiple of its baseline.
     */
    night_factor?: number;
    /**
     * 一次群发的送达人数比之前几次的中位数少了这个比例算骤降。A send delivered to this fraction fewer followers than the median of the sends before it.
     */
    delivered_drop?: number;
    /**
     * 阅读次数少于此数的日子和文章不判断，数字太小比例没有意义。Days and articles with fewer reads are not judged.
     */
    min_reads?: number;
    /**
     * 新增关注少于此数的日子不判断暴涨。Days with fewer new followers are not judged a jump.
     */
    min_new_followers?: number;
  };
  /**
   * 每周固定的发布时段，北京时间：星期写 一 到 日，时间写 HH:MM，如 [{weekday: 二, time: "20:00"}, {weekday: 五, time: "20:00"}]。mpdesk plan new 按它生成月度计划，plan check 按它检查两篇之间的间隔。Weekly publishing slots in China time (weekday 一 to 日, time HH:MM): plan new scaffolds a month from them, plan check flags gaps longer than they allow.
   *
   * @minItems 1
   */
  cadence?: {
    /**
     * 一、二、三、四、五、六、日（周日写 日）。Monday 一 to Sunday 日.
     */
    weekday: "一" | "二" | "三" | "四" | "五" | "六" | "日";
    /**
     * 北京时间，24 小时制 HH:MM，如 "20:00"。China time, 24-hour HH:MM.
     */
    time: string;
  }[];
  /**
   * 读者最活跃的小时，北京时间 0–23（20 表示 20:00–20:59），如 [12, 20, 21]；plan check 提醒计划在这些小时之外的条目。reports/<账号>/metrics/hourly-*.csv 有阅读数据时以数据为准。The hours (China time, 0–23) readers read most; plan check warns about entries planned outside them. The hourly metrics snapshots, when they hold reads, take precedence.
   *
   * @minItems 1
   */
  best_hours?: number[];
}

/**
 * content/<account>/plans/<YYYY-MM>.md 的 frontmatter；正文是计划说明。Frontmatter of a monthly content plan; the body holds notes.
 */
export interface ContentPlan {
  /**
   * 计划月份 YYYY-MM，须与文件名一致（请加引号）。The plan's month, matching the file name.
   */
  month: string;
  /**
   * 本月内容主题。The month's editorial theme.
   */
  theme?: string;
  /**
   * 本月目标。The month's goals.
   */
  goals?: string[];
  /**
   * 本月的选题，每条由文章的 plan: <月份>/<id> 引用。The month's topics, referenced by articles as plan: <month>/<id>.
   */
  entries: {
    /**
     * 月内唯一，如 "01"（请加引号）。Unique within the month.
     */
    id: string;
    /**
     * 选题。The topic.
     */
    topic: string;
    /**
     * 图文、视频、图片、音频或转载。The format.
     */
    format?: "图文" | "视频" | "图片" | "音频" | "转载";
    /**
     * 负责人。Who writes it.
     */
    owner?: string;
    /**
     * 带时区，如 2026-12-03T20:00:00+08:00。With a time-zone offset.
     */
    publish_at: string;
    /**
     * 这篇要达成什么，如 拉新、转化、留存。What this piece is for.
     */
    goal?: string;
    /**
     * 同一计划里 group 相同的条目（最多 8 条）作为一个多图文草稿一起发出，按条目顺序，第一条是头条。Entries of the plan with the same group (up to 8) go out as one multi-article draft, in entry order.
     */
    group?: string;
  }[];
}

/**
 * 一个词（字符串），或 {term, category, severity, basis, message, suggestions, tags}。A string, or an entry with a term.
 */
export type Entry =
  | string
  | {
      /**
       * 要查的词，至少两个字（全半角、繁简、大小写、数字写法和夹杂的符号都会归一化后再匹配）。The term, two characters or more after folding.
       */
      term: string;
      /**
       * 写进提示里的分类，如 竞品、违禁；默认“敏感词”。The category named in the message.
       */
      category?: string;
      /**
       * error（默认）、warning 或 info。Default error.
       */
      severity?: "error" | "warning" | "info";
      /**
       * 法规或平台规则依据，如《广告法》第九条。The law or platform rule.
       */
      basis?: string;
      /**
       * 附在提示后的说明：为什么、怎么改。Why, and what to write instead.
       */
      message?: string;
      /**
       * 可替换的说法。Safer wording.
       */
      suggestions?: string[];
      /**
       * 附加标签，显示在提示里。Extra tags shown in the message.
       */
      tags?: string[];
    };

/**
 * content/words.yaml（团队）和 content/<account>/words.yaml（账号）：要查的词和放行的短语，与 scripts/lint/dictionaries/ 的内置词表同一格式。The team and account word lists, in the format of the built-in lists.
 */
export interface WordListFile {
  /**
   * 要查的词：一个词（字符串），或带 term 的词条。团队和账号词条查为 sensitive/words。Terms to find: a plain string, or an entry with a term.
   */
  entries?: Entry[];
  /**
   * 与 entries 相同，旧写法；新词表请用 entries。The same as entries, kept for older lists.
   */
  deny?: Entry[];
  /**
   * 包含词条的正常说法，匹配落在其中就不算（如品牌名“极客咖啡”里的“极”），对所有词表生效。Phrases that excuse a match inside them, for every list.
   */
  allow?: string[];
}

/**
 * content/<account>/media-ledger.json：这个账号已上传到微信的每张图片，以处理后文件的 sha256 为键；由 mpdesk publish 写入并提交，已记录的图片不会再上传。Every image uploaded to WeChat for this account, keyed by the sha256 of the processed file; written by mpdesk publish, committed, never uploaded twice.
 */
export interface MediaLedger {
  /**
   * 经 media/uploadimg 上传的正文图片。Body images uploaded through media/uploadimg.
   */
  body: {
    [k: string]:
      | {
          /**
           * 微信返回的 https://mmbiz.qpic.cn 地址。The https mmbiz.qpic.cn URL WeChat returned.
           */
          url: string;
          /**
           * 带时区。With offset.
           */
          uploaded_at: string;
          /**
           * 处理后文件的字节数。Size of the processed file.
           */
          bytes: number;
          /**
           * 第一次上传时的原图，相对于账号目录。The original image at first upload, relative to the account folder.
           */
          source: string;
        }
      | undefined;
  };
  /**
   * 经 material/add_material?type=image 上传的封面。Covers uploaded through material/add_material.
   */
  cover: {
    [k: string]:
      | {
          /**
           * 永久素材的 media_id，草稿的 thumb_media_id。The permanent media id, the draft's thumb_media_id.
           */
          media_id: string;
          /**
           * 微信返回的地址。The URL WeChat returned.
           */
          url: string;
          /**
           * 带时区。With offset.
           */
          uploaded_at: string;
          /**
           * 处理后文件的字节数。Size of the processed file.
           */
          bytes: number;
          /**
           * 第一次上传时的原图，相对于账号目录。The original image at first upload, relative to the account folder.
           */
          source: string;
        }
      | undefined;
  };
}
