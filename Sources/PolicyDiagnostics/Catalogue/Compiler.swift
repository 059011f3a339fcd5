extension Catalogue {
    /// Messages of validating the vocabulary, regions, sources, calendars and rules, and reporting analysis findings.
    static let compiler: [(en: String, zh: String)] = [
        ("'{0}' is here", "'{0}' 在此"),
        ("{0} in [{1}]", "{0} 属于 [{1}]"),
        ("applicants concerned: {0}", "涉及的申请人：{0}"),
        ("dates: {0}", "日期：{0}"),
        ("the national baseline", "全国基线"),
        ("the chain of {0}", "{0} 的规则链"),
        ("{0}: {1} leaves some applicants without an answer", "{0}：{1}让部分申请人得不到答案"),
        ("add a rule such as:\n{0}", "加一条规则，例如：\n{0}"),
        ("narrow one rule's conditions, or use hit policy first or priority", "收窄其中一条规则的条件，或改用命中策略 first 或 priority"),
        (
            "remove the rule, move it before the rule that pre-empts it, or narrow that rule",
            "删除该规则，把它移到抢先的规则之前，或收窄那条规则"
        ),
        ("correct the conditions", "改正条件"),
        ("url '{0}' of source '{1}' has no scheme", "来源 '{1}' 的 url '{0}' 没有协议头"),
        ("write the full address, for example https://{0}", "请写完整地址，例如 https://{0}"),
        ("url '{0}' of source '{1}' is a site's address, not a page's", "来源 '{1}' 的 url '{0}' 是网站地址，不是网页地址"),
        ("give the address of the page the fact was read on", "请给出读到该事实的网页地址"),
        (
            "rule '{0}' ({1}) overrides '{2}' ({3}), which never applies where it does",
            "规则 '{0}'（{1}）覆盖了 '{2}'（{3}），但后者在前者适用之处从不适用"
        ),
        ("override a rule of the same region, its province or the national baseline", "请覆盖同一地区、其所属省或全国基线的规则"),
        (
            "rule '{0}' restates '{1}', which is not a less specific rule of {2} in its chain",
            "规则 '{0}' 重申了 '{1}'，但后者不是其链中 {2} 的更一般规则"
        ),
        (
            "name a rule of the same decision in the province or national file above this region",
            "请写出本地区之上的省级或全国文件中同一决策的规则"
        ),
        ("rule '{0}'", "规则 '{0}'"),
        ("unknown decision '{0}'", "未知的决策 '{0}'"),
        (
            "'{0}' describes the family member, which only rules of decisions about the family member know",
            "'{0}' 描述的是家庭成员，只有关于家庭成员的决策的规则才知道"
        ),
        (
            "declare the decision with `about: family_member` in vocabulary.yaml, or remove the condition",
            "在 vocabulary.yaml 中为该决策声明 `about: family_member`，或删除该条件"
        ),
        (
            "a {0} rule is about the applicant: remove the condition, or make it a rule of {1} (declared `about: family_member`)",
            "{0} 规则只涉及申请人本人：删除该条件，或把它改为 {1} 的规则（声明了 `about: family_member`）"
        ),
        ("'undetermined' stands alone: it replaces the decision's outputs", "'undetermined' 须单独使用：它代替决策的输出"),
        ("only a boolean fact the applicant gives can require other facts' values", "只有申请人给出的布尔事实才能要求其他事实的取值"),
        ("remove 'requires:' from '{0}'", "删除 '{0}' 的 'requires:'"),
        ("'{0}' requires '{1}', which is not a fact the applicant gives", "'{0}' 要求 '{1}'，但它不是申请人给出的事实"),
        ("name a boolean or enum fact the applicant gives, other than '{0}'", "请写申请人给出的布尔或枚举事实（'{0}' 除外）"),
        ("remove the other outputs, or 'undetermined'", "删除其他输出，或删除 'undetermined'"),
        ("decision '{0}' has no output '{1}'", "决策 '{0}' 没有输出 '{1}'"),
        ("its outputs: {0}", "它的输出：{0}"),
        ("rule '{0}' does not give '{1}'", "规则 '{0}' 没有给出 '{1}'"),
        ("decision '{0}' needs: {1}", "决策 '{0}' 需要：{1}"),
        ("'priority' has no effect: decision '{0}' uses hit policy {1}", "'priority' 不起作用：决策 '{0}' 使用命中策略 {1}"),
        ("unknown fact '{0}'", "未知的事实 '{0}'"),
        ("'{0}' is not a value of {1}", "'{0}' 不是 {1} 的取值"),
        ("allowed values: {0}", "允许的值：{0}"),
        ("allowed: {0}", "允许：{0}"),
        ("'{0}' is not a whole number or a range of {1}", "'{0}' 不是 {1} 的整数或范围"),
        ("write a whole number, or {min: N}, {max: N}, {min: N, max: M}", "写一个整数，或 {min: N}、{max: N}、{min: N, max: M}"),
        ("the range of {0} ends ({1}) before it starts ({2})", "{0} 的范围结束（{1}）早于开始（{2}）"),
        ("swap min and max", "交换 min 和 max"),
        ("{0} is outside {1}'s bounds {2}", "{0} 超出 {1} 的范围 {2}"),
        ("vocabulary.yaml declares {0} from {1} to {2}", "vocabulary.yaml 声明 {0} 的范围为 {1} 到 {2}"),
        ("{0} must be a whole number of days, found '{1}'", "{0} 必须是整数天数，实际是 '{1}'"),
        ("{0} is {1}, more than the {2} working days allowed", "{0} 为 {1}，超过允许的 {2} 个工作日"),
        ("give the time limit in working days, at most {0}", "以工作日给出时限，最多 {0}"),
        ("{0} must have exactly the keys zh and en", "{0} 必须恰好有 zh 和 en 两个键"),
        ("write {zh: 中文说明, en: English text}", "写成 {zh: 中文说明, en: English text}"),
        ("{0} has the wrong shape", "{0} 的形式不对"),
        ("{0} needs exactly value, unit and approximate", "{0} 必须恰好有 value、unit 和 approximate"),
        (
            "for example {value: 30, unit: working_days, approximate: true}, or none",
            "例如 {value: 30, unit: working_days, approximate: true}，或 none"
        ),
        ("{0}.value must be a whole number", "{0}.value 必须是整数"),
        ("one of: {0}", "以下之一：{0}"),
        ("a whole number", "一个整数"),
        ("true, false or unknown", "true、false 或 unknown"),
        (
            "none, or {value: N, unit: working_days|months|days, approximate: true|false}",
            "none，或 {value: N, unit: working_days|months|days, approximate: true|false}"
        ),
        ("source id '{0}' is defined twice", "来源 id '{0}' 定义了两次"),
        ("a second policy file for region '{0}'", "地区 '{0}' 的第二个政策文件"),
        ("the first is {0}", "第一个是 {0}"),
        ("keep one file per region", "每个地区只保留一个文件"),
        ("policy file for '{0}' has no rules and no attributes", "'{0}' 的政策文件没有规则也没有属性"),
        ("attribute '{0}'", "属性 '{0}'"),
        ("unknown attribute '{0}'", "未知的属性 '{0}'"),
        (
            "vocabulary.yaml declares no attributes; declare it there under attributes:",
            "vocabulary.yaml 没有声明属性；请在其中的 attributes: 下声明"
        ),
        ("known attributes: {0}", "已知的属性：{0}"),
        ("source '{0}' is not cited by any rule, attribute or calendar", "来源 '{0}' 没有被任何规则、属性或日历引用"),
        ("cite it where it is used, or remove it", "在用到它的地方引用它，或删除它"),
        ("rule id '{0}' is used twice", "规则 id '{0}' 用了两次"),
        ("first used here", "首次使用于此"),
        ("rule ids must be unique", "规则 id 必须唯一"),
        ("rule '{0}' overrides itself, which would remove it from every chain", "规则 '{0}' 覆盖了自身，这会把它从每条链中去掉"),
        ("name the less specific rule this one replaces, or remove the entry", "写出这条规则所替代的更一般规则，或删除该项"),
        ("rule '{0}' overrides unknown rule '{1}'", "规则 '{0}' 覆盖了未知的规则 '{1}'"),
        ("rule '{0}' ({1}) overrides '{2}', which decides {3}", "规则 '{0}'（{1}）覆盖了 '{2}'，而后者决定的是 {3}"),
        ("a rule can only override a rule of the same decision", "规则只能覆盖同一决策的规则"),
        ("{0} cites no source", "{0} 没有引用来源"),
        (
            "add sources: [ID] with an id from sources.yaml; every fact must be traceable",
            "加上 sources: [ID]，使用 sources.yaml 中的 id；每个事实都必须有来源可查"
        ),
        ("unknown source '{0}'", "未知的来源 '{0}'"),
        ("define it in sources.yaml", "在 sources.yaml 中定义它"),
        ("year {0} has a second calendar", "{0} 年有第二份日历"),
        ("calendar {0}", "日历 {0}"),
        ("{0} is not in {1}", "{0} 不在 {1} 年"),
        ("{0} {1} falls on a {2}", "{0} {1} 落在{2}"),
        ("workdays lists weekend days that are working days (调休)", "workdays 列出的是调休上班的周末"),
        ("holidays lists weekdays that are days off; weekends are off already", "holidays 列出的是放假的工作日；周末本来就休息"),
        ("{0} {1} is listed twice", "{0} {1} 列了两次"),
        ("working day", "工作日"),
        ("holiday", "节假日"),
        ("weekday", "工作日"),
        ("weekend", "周末"),
        ("a province", "省级地区"),
        ("a city", "市级地区"),
        ("'{0}' is {1}, but this file is in {2}", "'{0}' 是{1}，但这个文件在 {2} 中"),
        ("national rules belong in national.yaml", "全国规则应放在 national.yaml 中"),
        ("move the file to {0}, or correct region:", "把文件移到 {0}，或改正 region:"),
        ("hit policies are set for the whole table, in national.yaml only", "命中策略对整张表设定，只能写在 national.yaml 中"),
        ("move hit_policies to national.yaml", "把 hit_policies 移到 national.yaml"),
        ("'{0}' is not a hit policy for {1}", "'{0}' 不是 {1} 可用的命中策略"),
        ("region code '{0}' is not a six-digit GB/T 2260 code", "地区代码 '{0}' 不是六位 GB/T 2260 代码"),
        ("write the code in quotes, for example \"320100\"", "把代码加上引号，例如 \"320100\""),
        ("region code '{0}' is defined twice", "地区代码 '{0}' 定义了两次"),
        ("region name '{0}' is used twice", "地区名称 '{0}' 用了两次"),
        ("city '{0}' has no parent province", "城市 '{0}' 没有上级省份"),
        ("add parent: with the province's code", "加上 parent:，写省份的代码"),
        ("parent '{0}' of '{1}' is not a province in regions.yaml", "'{1}' 的上级 '{0}' 不是 regions.yaml 中的省份"),
        ("a province has no parent", "省份没有上级"),
        ("remove 'parent:'", "删除 'parent:'"),
        ("region '{0}' matches several regions: {1}", "地区 '{0}' 匹配多个地区：{1}"),
        ("write the region's code or its full name", "写地区代码或全称"),
        ("unknown region '{0}'", "未知的地区 '{0}'"),
        ("use a code, name or pinyin from regions.yaml", "使用 regions.yaml 中的代码、名称或拼音"),
        ("the vocabulary declares no decisions", "词汇表没有声明任何决策"),
        ("declare the questions the table answers under decisions:", "在 decisions: 下声明决策表要回答的问题"),
        ("unknown attribute type '{0}'", "未知的属性类型 '{0}'"),
        ("attribute types: {0} (the day from which a region's state holds)", "属性类型：{0}（地区某状态自哪天起成立）"),
        ("a region fact", "地区事实"),
        ("an input of every applicant", "每个申请人的输入"),
        ("'{0}' is {1}; a declared fact cannot take its name", "'{0}' 是{1}；声明的事实不能用这个名字"),
        ("choose another name", "换一个名字"),
        ("only a number fact has bounds", "只有数字事实有范围"),
        ("remove min/max, or make '{0}' a number (type: number)", "删除 min/max，或把 '{0}' 改为数字（type: number）"),
        ("a boolean fact takes no values: they are false and true", "布尔事实不写取值：取值就是 false 和 true"),
        ("remove 'values:', or make '{0}' an enum (type: enum)", "删除 'values:'，或把 '{0}' 改为枚举（type: enum）"),
        ("fact '{0}'", "事实 '{0}'"),
        ("derived fact '{0}' cannot have a default", "推导事实 '{0}' 不能有默认值"),
        (
            "the evaluator computes '{0}'; remove 'default:' (without what it is derived from, the fact is unknown)",
            "'{0}' 由求值器计算；请删除 'default:'（缺少推导所需的输入时，该事实未知）"
        ),
        ("default '{0}' is not a value of {1}", "默认值 '{0}' 不是 {1} 的取值"),
        ("a number fact takes no {0}", "数字事实不接受 {0}"),
        (
            "rules give ranges of '{0}' ({min: N}, {max: N}); remove '{1}:'",
            "规则给出 '{0}' 的范围（{min: N}、{max: N}）；请删除 '{1}:'"
        ),
        ("a number fact cannot be derived", "数字事实不能推导"),
        ("the applicant gives '{0}'; remove 'derive:'", "'{0}' 由申请人给出；请删除 'derive:'"),
        ("'{0}' ends ({1}) before it starts ({2})", "'{0}' 的结束（{1}）早于开始（{2}）"),
        ("fact '{0}' has neither a type nor values", "事实 '{0}' 既没有类型也没有取值"),
        ("add type: boolean, or values: [...] for an enum", "加上 type: boolean，或为枚举加上 values: [...]"),
        ("unknown fact type '{0}'", "未知的事实类型 '{0}'"),
        ("fact types: {0}", "事实类型：{0}"),
        ("{0} is an enum but lists no values", "{0} 是枚举，但没有列出取值"),
        ("add values: [...], the values a rule may name", "加上 values: [...]，即规则可以使用的取值"),
        ("{0} lists no values", "{0} 没有列出取值"),
        ("list at least one value; an enum of none can never be given", "至少列出一个值；没有取值的枚举永远无法给出"),
        ("value '{0}' is listed twice in {1}", "取值 '{0}' 在 {1} 中列了两次"),
        ("first listed here", "首次列出于此"),
        ("remove the repeat", "删除重复项"),
        (
            "a scope fact has three values (same area, within the province, across provinces), {0}",
            "scope 事实有三个取值（同一统筹区、省内、跨省），{0}"
        ),
        (
            "for example values: [same_area, intra_province, cross_province], in that order",
            "例如 values: [same_area, intra_province, cross_province]，按此顺序"
        ),
        ("unknown family_member field '{0}'", "未知的 family_member 字段 '{0}'"),
        ("family_member fields: {0}", "family_member 的字段：{0}"),
        ("family_member.{0} is {1}, but '{2}' is {3}", "family_member.{0} 是{1}，但 '{2}' 是{3}"),
        ("declare '{0}' with type: boolean", "用 type: boolean 声明 '{0}'"),
        (
            "declare '{0}' with the relations as values: [spouse, parent, ...]",
            "把亲属关系作为取值声明 '{0}'：values: [spouse, parent, ...]"
        ),
        (
            "the vocabulary declares no attributes; declare it under attributes: with type: {0}",
            "词汇表没有声明属性；请在 attributes: 下用 type: {0} 声明"
        ),
        ("a since fact has two values (on and after the date, before it), {0}", "since 事实有两个取值（该日期当天及以后、之前），{0}"),
        ("for example values: [open, unknown], in that order", "例如 values: [open, unknown]，按此顺序"),
        ("unknown region fact '{0}'", "未知的地区事实 '{0}'"),
        ("region facts: {0}", "地区事实：{0}"),
        ("unknown subject '{0}' of decision '{1}'", "决策 '{1}' 的主体 '{0}' 未知"),
        ("unknown 'about' '{0}' of decision '{1}'", "决策 '{1}' 的 about '{0}' 未知"),
        ("a decision answers for: {0}", "决策的回答对象：{0}"),
        ("a decision is looked up in the region chain of: {0}", "决策按以下地区的规则链查找：{0}"),
        ("unknown hit policy '{0}'", "未知的命中策略 '{0}'"),
        ("hit policies: {0}", "命中策略：{0}"),
        ("decision '{0}' has no outputs", "决策 '{0}' 没有输出"),
        (
            "declare what its rules give, for example handling: {type: enum, values: [...]}",
            "声明其规则给出什么，例如 handling: {type: enum, values: [...]}"
        ),
        (
            "a collect decision gives one enum output (its answer is the set of the values its matching rules give); '{0}' has {1}",
            "collect 决策只给一个枚举输出（答案是各匹配规则所给值的集合）；'{0}' 有{1}"
        ),
        (
            "declare one output of type enum, or choose hit policy first, unique or priority",
            "声明一个 enum 类型的输出，或选择命中策略 first、unique 或 priority"
        ),
        ("an output cannot be named '{0}'", "输出不能命名为 '{0}'"),
        (
            "a rule gives '{0}: {zh, en}' in place of the outputs; choose another name",
            "规则用 '{0}: {zh, en}' 代替输出；请换一个名字"
        ),
        ("output '{0}' of {1}", "{1} 的输出 '{0}'"),
        ("'none' is listed, but an optional_enum has it already", "列出了 'none'，但 optional_enum 已经包含它"),
        (
            "remove 'none': every optional_enum may give it (null in the answer)",
            "删除 'none'：每个 optional_enum 都可以给出它（答案中为 null）"
        ),
        ("a {0} output takes no values", "{0} 输出不写取值"),
        ("unknown output type '{0}'", "未知的输出类型 '{0}'"),
        ("output types: {0}", "输出类型：{0}"),
        ("'{0}' is not a value of {1}, so it has no labels", "'{0}' 不是 {1} 的取值，不能有标签"),
        ("the label '{0}' of '{1}' already stands for '{2}' in {3}", "'{1}' 的标签 '{0}' 在 {3} 中已表示 '{2}'"),
        ("give each value of {0} labels of its own", "为 {0} 的每个取值给出各自的标签"),
        ("a boolean fact takes no labels: facts give it as false or true", "布尔事实不写标签：事实中写 false 或 true"),
        ("remove 'labels:', or make '{0}' an enum (type: enum)", "删除 'labels:'，或把 '{0}' 改为枚举（type: enum）"),
        ("{0} has labels, but not for {1}", "{0} 有标签，但 {1} 没有"),
        ("give every value its labels: value: {zh: 中文, en: English}", "为每个取值给出标签：取值: {zh: 中文, en: English}"),
    ]
}

extension Catalogue {
    /// The labels vocabulary.yaml gives a decision's outputs for the readable answer.
    static let outputLabels: [(en: String, zh: String)] = [
        ("{0} has a label in one language only", "{0} 只有一种语言的名称"),
        (
            "give both zh and en, or neither (the answer then shows '{0}')",
            "请同时给出 zh 和 en，或都不给（答案中将显示 '{0}'）"
        ),
    ]
}
