/// Word lists behind the source heuristics. Chinese lists are Simplified words followed by their
/// Traditional forms (added with OpenCC s2t, s2tw and s2hk); English lists are lower case.
///
/// Kept as space-separated text and split once on first use: a few hundred short literals in
/// arrays would slow type checking for nothing.
enum SourceCueTables {
    /// Words that never name a source: quantifiers (一些, 多项), qualifiers (有关, 权威, 业内), time words,
    /// industries (咨询, 汽车: 一家咨询公司 names no company),
    /// generic nouns for sources and methods (机构, 专家, 数据, 研究), connectives, pronouns, reporting
    /// verbs, and words that contain a source suffix without being one (部分, 社会, 互联网, 平台, 住院).
    static let chineseVague = """
        有关 有關 相关 相關 一些 有些 某些 某 部分 一部分 大部分 很多 许多 許多 不少 大量 众多 衆多 眾多 诸多
        諸多 多项 多項 多个 多個 多家 多所 多位 多名 多组 多組 多份 多篇 多次 一系列 若干 无数 無數 大批
        大多数 大多數 绝大多数 絕大多數 多数 多數 少数 少數 个别 個別 一项 一項 一份 一篇 一个 一個 一家 一所
        一位 一名 一组 一組 一批 一则 一則 一条 一條 一次 一部 某项 某項 某个 某個 某家 某所 某位 最新 最近
        近期 近日 日前 此前 早前 以往 之前 目前 当前 當前 如今 现在 現在 近年来 近年來 近年 近些年 近几年
        近幾年 多年来 多年來 长期以来 長期以來 今年 去年 前年 明年 上半年 下半年 今天 昨天 本月 上月 当年 當年
        历年 歷年 最早 最初 新的 年 月 日 权威 權威 官方 非官方 民间 民間 公开 公開 内部 內部 外部 全部
        第三方 独立 獨立 专业 專業 知名 著名 顶尖 頂尖 顶级 頂級 各大 各种 各種 各类 各類 各方 多方 业内 業內
        行业 行業 业界 業界 圈内 圈內 市场 市場 社会 社會 大众 大衆 大眾 公众 公衆 公眾 网络 網絡 网上 網上
        互联网 互聯網 网友 網友 网民 網民 网站 網站 网页 網頁 网购 網購 上网 上網 平台 平臺 舞台 舞臺 后台
        後臺 後台 前台 前臺 讲台 講臺 講台 出台 出臺 台阶 臺階 台階 媒体 媒體 外媒 报道 報道 报导 報導 报告
        報告 研究 调查 調查 调研 調研 统计 統計 数据 數據 资料 資料 分析 实验 實驗 试验 試驗 临床 臨牀 臨床
        动物 動物 人体 人體 小鼠 大鼠 科学 科學 医学 醫學 心理学 心理學 营养学 營養學 社会学 社會學 经济学
        經濟學 流行病学 流行病學 物理学 物理學 化学 化學 生物学 生物學 天文学 天文學 教育学 教育學 管理学 管理學
        统计学 統計學 遗传学 遺傳學 神经科学 神經科學 脑科学 腦科學 心理 营养 營養 健康 卫生 衛生 衞生 公共卫生
        公共衛生 公共衞生 环境 環境 气候 氣候 基因 学术 學術 科研 长期 長期 短期 随机 隨機 对照 對照 双盲 雙盲
        跟踪 跟蹤 追踪 追蹤 大规模 大規模 大型 小型 专家 專家 学者 學者 科学家 科學家 研究人员 研究人員 研究者
        人士 医师 醫師 资深 資深 退休 年轻 年輕 青年 机构 機構 部门 部門 单位 單位 方面 团体 團體 人员 人員 官员 官員 分析师 分析師 医生 醫生 因此
        所以 因为 因爲 因為 由于 由於 而且 并且 並且 但是 然而 不过 不過 可是 同时 同時 此外 另外 另一方面
        其实 其實 事实上 事實上 实际上 實際上 总之 總之 可见 可見 显然 顯然 毫无疑问 毫無疑問 例如 比如 譬如
        尤其 特别是 特別是 甚至 已经 已經 早已 早就 越来越多 越來越多 更多 不同 大多 国内外 國內外 海内外 海內外
        它们 它們 人们 人們 大家 别人 別人 有人 在 对 對 从 從 被 把 也 还 還 就 并
        並 是 了 又 再 均 皆 亦 曾 则 則 却 卻 仍 据 據 这方面 這方面 领域 領域 局面 格局 局势 局勢 结局
        結局 布局 佈局 大局 全局 当局 當局 局限 侷限 出局 开局 開局 部署 签署 簽署 署名 干部 幹部 部位 社区
        社區 社交 社群 社羣 住院 出院 入院 院子 庭院 客厅 客廳 餐厅 餐廳 大厅 大廳 委托 委託 委屈 委婉 原委
        市中心 为中心 爲中心 為中心 所有 场所 場所 汇报 彙報 简报 簡報 年报 年報 财报 財報 季报 季報 情报 情報
        举报 舉報 预报 預報 警报 警報 回报 回報 海报 海報 报名 報名 报表 報表 报价 報價 报纸 報紙 相关人员
        相關人員 工作人员 工作人員 负责人 負責人 相关负责人 相關負責人 有关负责人 有關負責人 有关部门 有關部門
        相关部门 相關部門 主管部门 主管部門 有关方面 有關方面 相关方面 相關方面 地方 民调 民調 舆论 輿論 坊间 坊間
        外界 各界 业者 業者 从业者 從業者 消费者 消費者 用户 用戶 家长 家長 患者 读者 讀者 观众 觀衆 觀眾 粉丝
        粉絲 受访者 受訪者 其他 其它 其中 消息 透露 介绍 介紹 表示 指出 发布 發佈 公布 公佈 了解 瞭解 悉 预计
        預計 预测 預測 估计 估計 测算 測算 估算 推算 公告 通报 通報 披露 显示 顯示 表明 发现 發現 认为 認爲
        認為 称 稱 说 說 説 规定 規定 要求 计划 計劃 安排 情况 情況 需要 经验 經驗 观察 觀察 说法 說法 説法
        标准 標準 法律 法规 法規 政策 文件 协议 協議 合同 条例 條例 办法 辦法 通知 意见 意見 原则 原則 习惯
        習慣 传统 傳統 理论 理論 模型 公式 算法 结果 結果 传闻 傳聞 传言 傳言 爆料 不完全 初步 粗略 保守
        大数据 大數據 国内 國內 国外 國外 海外 境外 境内 境內 各国 各國 各地 当地 當地 本地 全国 全國 全球
        世界 外国 外國 发达国家 發達國家 发展中国家 發展中國家 国际 國際 中外 两岸 兩岸 全省 全市 本市 本省 欧美
        歐美 西方 东方 東方 我国 我國 电视上 電視上 电视里 電視裏 電視裡 新闻里 新聞裏 新聞裡 新闻上 新聞上
        报纸上 報紙上 书上 書上 书里 書裏 書裡 朋友圈 微博上 抖音上 视频里 視頻裏 視頻裡 节目里 節目裏 節目裡
        广告里 廣告裏 廣告裡 文章里 文章裏 文章裡 文章中 群里 羣裏 群裡 圈子里 圈子裏 圈子裡 电视 電視 新闻 新聞
        节目 節目 视频 視頻 广告 廣告 咨询 諮詢 投资 投資 电商 電商 物流 保险 保險 医药 醫藥 制药 製藥 地产
        地產 房地产 房地產 汽车 汽車 能源 传媒 傳媒 教育 培训 培訓 金融 餐饮 餐飲 零售 游戏 遊戲 软件 軟件
        芯片 半导体 半導體 科技 通信 电子 電子 生物 化工 食品 服装 服裝 旅游 旅遊 航空 外贸 外貿 民营 民營
        国有 國有 上市 中小 初创 初創 创业 創業 头部 頭部 龙头 龍頭 独角兽 獨角獸 跨国 跨國 外资 外資 合资
        合資 调研机构 調研機構 研究机构 研究機構 咨询机构 諮詢機構
        """

    /// Countries and regions by name: a subject of only these (美国研究表明) names no one, but one
    /// right before an organisation head makes a name (香港大学, 英国政府, 美国疾控中心).
    /// 共和国 and 王国 end a country's full name (伊朗伊斯兰共和国通讯社), whose 和 would
    /// otherwise split it. Generic
    /// region words (国内, 当地, 全球) are vague words instead, and cities are residue: 北京大学.
    static let chinesePlaces = """
        中国 中國 美国 美國 英国 英國 日本 德国 德國 法国 法國 韩国 韓國 俄罗斯 俄羅斯 加拿大 澳大利亚 澳大利亞
        澳洲 印度 欧洲 歐洲 亚洲 亞洲 非洲 拉美 台湾 臺灣 台灣 香港 澳门 澳門 共和国 共和國 王国 王國
        """

    /// Heads of organisation names: named when at least two other Han characters stand right before
    /// them (哈佛大学, 新华社, 外交部). A discipline's 学会 is one head (中华医学会), since its
    /// discipline (医学) alone is a vague word.
    static let chineseOrganisationSuffixes = """
        大学 大學 学院 學院 研究院 研究所 研究中心 实验室 實驗室 科学院 科學院 工程院 医学院 醫學院 医院 醫院
        诊所 診所 中心 局 部 委 委员会 委員會 署 厅 廳 办公室 辦公室 院 协会 協會 学会 學會 联合会 聯合會
        商会 商會 基金会 基金會 组织 組織 联盟 聯盟 公司 集团 集團 银行 銀行 交易所 事务所 事務所 证券 證券
        控股 股份 有限公司 日报 日報 晚报 晚報 时报 時報 周报 週報 晨报 晨報 商报 商報 周刊 週刊 月刊 杂志
        雜誌 期刊 学报 學報 新闻社 新聞社 通讯社 通訊社 社 电视台 電視臺 電視台 台 臺 广播电台 廣播電臺 廣播電台
        电台 電臺 電台 网 網 新闻网 新聞網 频道 頻道 出版社 团队 團隊 课题组 課題組 小组 小組 政府 法院 检察院
        檢察院 大使馆 大使館 领事馆 領事館 智库 智庫 研究会 研究會 俱乐部 俱樂部 工作室 协 協 办 辦 新闻办 新聞辦 报 報 队 隊
        医学会 醫學會 化学会 化學會 物理学会 物理學會 经济学会 經濟學會 心理学会 心理學會 营养学会 營養學會 统计学会 統計學會
        站 总站 總站 监测站 監測站 气象站 氣象站 观测站 觀測站
        """

    /// Bodies whose bare name is specific (国家统计局, 世卫组织, 新华社), and the national party
    /// congresses by number (十五大: 党的十五大报告 is a named document): named unless a vague word
    /// stands right before them.
    static let chineseSpecificBodies = """
        国家统计局 國家統計局 统计局 統計局 国务院 國務院 联合国 聯合國 世卫组织 世衛組織 世衞組織 世界卫生组织
        世界衛生組織 世界衞生組織 世界银行 世界銀行 国际货币基金组织 國際貨幣基金組織 世贸组织 世貿組織 世界贸易组织
        世界貿易組織 欧盟 歐盟 北约 北約 央行 中央银行 中央銀行 人民银行 人民銀行 中国人民银行 中國人民銀行 美联储
        美聯儲 疾控中心 疾病预防控制中心 疾病預防控制中心 卫健委 衛健委 衞健委 国家卫健委 國家衛健委 國家衞健委 卫生部
        衛生部 衞生部 教育部 商务部 商務部 工信部 财政部 財政部 外交部 国防部 國防部 公安部 民政部 人社部
        农业农村部 農業農村部 生态环境部 生態環境部 自然资源部 自然資源部 交通运输部 交通運輸部 住建部 海关总署
        海關總署 海关 海關 气象局 氣象局 国家气象中心 國家氣象中心 气象台 氣象臺 氣象台 地震局 证监会 證監會
        银保监会 銀保監會 金融监管总局 金融監管總局 发改委 發改委 国家发改委 國家發改委 中科院 中国科学院 中國科學院
        社科院 中国社科院 中國社科院 中国社会科学院 中國社會科學院 中国工程院 中國工程院 新华社 新華社 人民日报
        人民日報 央视 央視 中央电视台 中央電視臺 中央電視台 中新社 路透社 美联社 美聯社 法新社 彭博社 共同社 塔斯社
        经合组织 經合組織 国际能源署 國際能源署 国际劳工组织 國際勞工組織 联合国教科文组织 聯合國教科文組織
        联合国儿童基金会 聯合國兒童基金會 红十字会 紅十字會 市场监管总局 市場監管總局 国家市场监管总局 國家市場監管總局
        网信办 網信辦 中国互联网络信息中心 中國互聯網絡信息中心 工商局 全国人大 全國人大 人大 政协 政協 最高法 最高检
        最高檢 最高人民法院 最高人民检察院 最高人民檢察院 国际数据公司 國際數據公司
        十二大 十三大 十四大 十五大 十六大 十七大 十八大 十九大 二十大
        """

    /// The author as source (我们, 本文, 笔者): a first-hand claim names its source.
    static let chineseFirstPerson = """
        我们 我們 我司 我院 我校 我所 我台 我臺 我部 我局 我中心 本文 本报 本報 本刊 本站 本台 本臺 本网 本網
        本研究 本课题组 本課題組 本团队 本團隊 本公司 本平台 本平臺 本调查 本調查 本次调查 本次調查 本次研究 笔者
        筆者 作者 我市 我省 我县 我縣 我区 我區 我州
        """

    /// Words that point back (该, 这项, 上述, 他们): the source may be named earlier in the paragraph.
    static let chineseAnaphoric = """
        该 該 此 这 這 那 其 这项 這項 这份 這份 这篇 這篇 这个 這個 这些 這些 这一 這一 这组 這組 这次
        這次 这部 這部 这家 這家 此项 此項 此次 该项 該項 该份 該份 该次 該次 该家 該家 上述 前述 上文 前文
        那项 那項 那份 那些 该市 該市 该省 該省 与会 與會
        他们 他們 她们 她們
        """

    /// Titles of office or rank: one directly followed by a name of two to four characters names
    /// a person (秘书长高沈阳, 发言人朱邦造, 教授李明); alone (一位教授, 有关负责人) it names no one.
    static let chineseTitles = """
        秘书长 秘書長 主任 局长 局長 部长 部長 副部长 副部長 司长 司長 处长 處長 厅长 廳長 署长 署長 主席 副主席 会长
        會長 院长 院長 校长 校長 所长 所長 总裁 總裁 董事长 董事長 总经理 總經理 总工程师 總工程師 发言人 發言人
        新闻发言人 新聞發言人 大使 市长 市長 省长 省長 县长 縣長 书记 書記 总书记 總書記 总理 總理 副总理 副總理
        首相 总统 總統 外长 外長 教授 研究员 研究員 院士 主编 主編 社长 社長 台长 臺長 台長 行长 行長 总监 總監
        理事长 理事長 主委 检察长 檢察長 法官 议员 議員 参议员 參議員 众议员 衆議員 眾議員
        """

    /// Particles that neither name nor hide a source (的, 等, 和).
    static let chineseFunction = """
        的 之 等 等人 和 与 與 及 以及 跟 同 、
        """
    /// Chinese words that introduce a source after them (据新华社报道, 根据《报告》, 发表在《柳叶刀》).
    /// 据 alone is handled apart, because it also ends words such as 数据 and 证据.
    static let chineseAttributionMarkers = """
        根据 根據 依据 依據 援引 引述 引用 引自 转引自 轉引自 摘自 出自 参见 參見 详见 詳見 发表在 發表在 发表于 發表於
        刊登在 刊登于 刊登於 刊载于 刊載於 刊发于 刊發於 数据来自 數據來自 数据来源于 數據來源於 数据源自 數據源自 资料来自 資料來自
        """

    /// Characters that make a following 据 part of a word rather than "according to".
    static let chineseJuWordStarts = "数 數 证 證 占 佔 单 單 论 論 收 字 票 割 盘 盤 凭 憑 根 依 盘 窃 竊 考 借 援 拮"

    /// Chinese verbs that report a source's words or findings; a named subject before one names a
    /// source for the paragraph (国家统计局公布, 苹果公司称).
    static let chineseReportingVerbs = """
        显示 顯示 表明 指出 发布 發佈 發布 公布 披露 报道 報道 报导 報導 称 稱 表示 透露 发现 發現 认为 認為 認爲 预计 預計 估计 估計
        统计 統計 证实 證實 警告 介绍 介紹 说 說 报告 報告 通报 通報 测算 測算 获悉 獲悉 了解到 瞭解到 得知
        """

    /// Chinese labels that introduce a stated source (来源：国家统计局).
    static let chineseSourceLabels = "来源 來源 出处 出處 资料来源 資料來源 数据来源 數據來源 信息来源 信息來源 引用来源"

    /// Source labels whose value names no one (来源：网络).
    static let chineseVagueSourceValues = """
        网络 網絡 网上 網上 互联网 互聯網 网友 網友 网络转载 網絡轉載 转载 轉載 综合 綜合 不详 不詳 未知 佚名 某网站 某網站
        """

    /// English source values that name no one (Source: the internet), separated by commas.
    static let englishVagueSourceValues = "internet, the internet, web, the web, online, unknown, n/a, various, social media, anonymous"

    /// English words that do not name a source even when capitalised at the start of a sentence:
    /// function words, quantifiers, adjectives that often open one (Recent, Independent), generic
    /// nouns for sources (studies, experts), nationalities and countries, months and days.
    static let englishNotNames = """
        a an the this that these those such some many most much more several numerous various multiple other another each
        every all both any few little one two three four five six seven eight nine ten dozens hundreds thousands millions
        i you he she it we they me him her us them my your his its our their in on at by for from with without of to
        into onto about above across after against along among around before behind below beneath beside between beyond
        during except inside near off out outside over past since through throughout toward towards under until up upon
        within via per and or but nor so yet because although though while whereas if unless when whenever where wherever
        whether as than then also too even just only still already again however moreover furthermore therefore thus
        hence meanwhile indeed actually basically generally usually often sometimes recently currently now today
        yesterday nowadays lately finally overall besides instead otherwise new newer recent latest previous earlier
        prior past current early initial preliminary further additional later modern older old large larger small
        smaller big major minor long-term short-term longitudinal observational randomized randomised controlled
        peer-reviewed published unpublished landmark groundbreaking extensive comprehensive independent leading top
        prominent renowned famous well-known respected reputable credible reliable official unofficial public private
        internal external academic scientific medical clinical health healthcare nutritional nutrition psychological
        social economic financial environmental climate genetic laboratory lab animal human consumer customer user
        patient market industry government governmental federal state local national regional international global
        worldwide western eastern northern southern european american americans british chinese japanese german french
        canadian australian indian russian korean asian african latin us u.s usa u.s.a uk u.k america china britain
        england europe asia africa japan germany france canada australia india russia korea world internet online web
        media news press study studies research researchers report reports survey surveys poll polls data statistics
        figures numbers estimates experts expert scientists scientist analysts analyst economists economist doctors
        doctor physicians officials official sources source insiders insider observers critics people evidence science
        analysis analyses paper papers article articles review reviews findings results trial trials experiment
        experiments investigation investigations team teams group groups january february march april may june july
        august september october november december monday tuesday wednesday thursday friday saturday sunday according
        yes no not never always there here what which who whom whose why how people's experts' researchers' one's
        """

    /// Capitalised abbreviations that are common nouns, not names (GDP, CEO, AI).
    static let englishGenericAcronyms = """
        ai it gdp cpi ppi pmi ceo cto cfo coo app apps vr ar xr iot kol ugc pc tv diy mba phd ppt gps dna rna hiv aids covid
        aigc llm llms saas b2b b2c ok vip api seo hr pr kpi okr roi ipo esg ev evs suv gpu cpu usb us usa uk uae faq ps am pm
        bc ad co2 q1 q2 q3 q4 ceos ais nft nfts
        """

    /// English determiners that point back to something named earlier (the study, this report).
    static let englishAnaphoric = "the this that these those such said its their his her same aforementioned latter former"

    /// English possessives that make the author the source (our data, my survey).
    static let englishFirstPerson = "our my"

    /// English phrases that introduce a source after them (according to the WHO, a study by Gallup).
    static let englishAttributionMarkers = """
        according to, as reported by, reported by, published by, published in, appeared in, cited by, cited in, data from,
        figures from, statistics from, numbers from, estimates from, estimates by, study by, studies by, research by,
        research from, report by, report from, survey by, survey from, poll by, poll from, analysis by, analysis from,
        review by, paper by, paper in, writing in, told, in an interview with, a spokesperson for, a spokesman for,
        a spokeswoman for, data compiled by, figures compiled by, figures released by, data released by, study from,
        published on, posted on, citing, per
        """

    /// English verbs that report a source's words or findings (Gallup found, the WHO says).
    static let englishReportingVerbs = """
        says said say shows show showed shown found finds find reports reported report estimates estimated notes noted
        published publishes warned warns concluded concludes announced announces stated states revealed reveals
        """
}
