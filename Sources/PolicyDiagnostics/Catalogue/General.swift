extension Catalogue {
    /// Messages of renderers, did-you-mean, the diagnostic cap, file access (with the system reasons people meet) and the code summaries SARIF publishes.
    static let general: [(en: String, zh: String)] = [
        (
            "{0} more problems in this file are not shown ({1} errors, {2} warnings)",
            "本文件另有 {0} 个问题未显示（{1} 个错误，{2} 个警告）"
        ),
        ("fix the {0} shown first; the report lists at most {1} problems per file", "先修正已显示的 {0} 个问题；每个文件最多列出 {1} 个问题"),
        ("a file or directory could not be read", "文件或目录无法读取"),
        ("the file is not valid YAML", "文件不是有效的 YAML"),
        ("a mapping repeats a key", "映射中有重复的键"),
        ("a required policy file is missing", "缺少必需的政策文件"),
        ("a YAML file that is empty or holds only comments", "YAML 文件为空或只有注释"),
        ("YAML nested deeper than any policy file needs", "YAML 嵌套层数超出政策文件所需"),
        (
            "a YAML file where policyc does not read (an unknown or nested folder, an unknown file name)",
            "YAML 文件位于 policyc 不读取的位置（未知或嵌套的文件夹、未知的文件名）"
        ),
        ("a key that this kind of file does not have", "这类文件没有的键"),
        ("a required key is absent", "缺少必需的键"),
        ("a value has the wrong type (for example a list where text is expected)", "值的类型不对（例如应为文本处写了列表）"),
        ("a value outside the allowed set", "值不在允许的范围内"),
        ("a date that is not a real YYYY-MM-DD date", "日期不是真实的 YYYY-MM-DD 日期"),
        ("an effective interval that ends before it starts", "生效区间的结束早于开始"),
        ("a list that must not be empty is empty", "不得为空的列表为空"),
        (
            "a vocabulary declaration whose parts do not fit (a derivation and the fact's values, a collect decision and its outputs)",
            "词汇表声明的各部分不相符（推导与事实的取值、collect 决策与其输出）"
        ),
        ("a condition names a fact the vocabulary does not define", "条件引用了词汇表未定义的事实"),
        ("a region reference that matches no region", "地区引用不匹配任何地区"),
        ("a source id that sources.yaml does not define", "sources.yaml 未定义的来源 id"),
        ("an override names a rule that does not exist", "覆盖引用了不存在的规则"),
        ("a rule cites no source", "规则未引用任何来源"),
        ("two rules, sources or regions share an id", "两条规则、来源或地区使用了同一个 id"),
        ("a region reference that matches several regions", "地区引用匹配多个地区"),
        ("a rule names a decision the vocabulary does not define", "规则引用了词汇表未定义的决策"),
        ("two dated segments of one state attribute in one region overlap", "同一地区同一状态属性的两个日期段相互重叠"),
        ("a segment marked contested cites fewer than two sources", "标为有争议的日期段引用的来源少于两个"),
        ("a source URL without a scheme (https://...)", "来源网址缺少协议（https://...）"),
        (
            "a source URL that is a site's address, not the page the fact was read on",
            "来源网址是网站首页，而不是读到该事实的页面"
        ),
        ("a rule's `then` does not give the outputs its decision needs", "规则的 `then` 没有给出其决策所需的输出"),
        ("an override names a rule that can never apply where the overriding rule applies", "覆盖引用的规则在覆盖规则适用之处永远不会适用"),
        (
            "a condition on a fact the rule's decision cannot know (a family-member fact in a decision not declared `about: family_member`)",
            "条件所用的事实是该规则的决策无法知道的（未声明 `about: family_member` 的决策中的家庭成员事实）"
        ),
        (
            "a policy file whose region is not of its folder's level (a city under provinces/)",
            "政策文件的地区与所在文件夹的层级不符（市级文件放在 provinces/ 下）"
        ),
        ("a calendar entry on the wrong kind of day or in the wrong year", "日历条目的日子类型或年份不对"),
        ("a source that no rule, attribute or calendar cites", "没有任何规则、属性或日历引用的来源"),
        ("a policy file with no rules and no attributes", "没有规则也没有属性的政策文件"),
        ("a rule that earlier or more specific rules always pre-empt", "总被更早或更具体的规则抢先的规则"),
        ("applicants for whom no rule of a decision answers", "某决策没有任何规则能回答的申请人"),
        ("rules of a unique decision that overlap and answer differently", "unique 决策中相互重叠且答案不同的规则"),
        ("a more specific rule that answers exactly what the rules it overrides would", "更具体的规则给出的答案与被其覆盖的规则完全相同"),
        ("a rule whose conditions no applicant can satisfy", "没有申请人能满足其条件的规则"),
        (
            "`restates` names a rule that is not a less specific rule of the same decision in the chain",
            "`restates` 引用的不是链中同一决策的更一般规则"
        ),
        ("an applicant case in tests/ did not get the expected answer", "tests/ 中的申请人用例没有得到预期答案"),
        ("more problems in a file than the report shows; they are counted", "文件中的问题多于报告显示的数量；其余只计数"),
        (
            "a key that has no effect where it is written (for example priority under hit policy first)",
            "写在此处不起作用的键（例如命中策略 first 下的 priority）"
        ),
        ("{0}. docs/diagnostics.md explains {1} and how to fix it.", "{0}。docs/diagnostics.md 说明了 {1} 及其修正方法。"),
        ("did you mean '{0}'?", "是否想写 '{0}'？"),
        ("cannot read {0}: {1}", "无法读取 {0}：{1}"),
        ("cannot write {0}: {1}", "无法写入 {0}：{1}"),
        ("cannot create {0}: {1}", "无法创建 {0}：{1}"),
        ("it is a directory", "它是一个目录"),
        ("it is longer than {0} bytes", "它超过 {0} 字节"),
        ("it is a symbolic link to '{0}', which does not exist", "它是指向 '{0}' 的符号链接，而目标不存在"),
        ("it is a symbolic link, which does not exist", "它是符号链接，而目标不存在"),
        ("it is a symbolic link to '{0}' that loops back on itself", "它是指向 '{0}' 的符号链接，并且循环指向自身"),
        ("it is a symbolic link that loops back on itself", "它是循环指向自身的符号链接"),
        ("it is neither a file nor a directory", "它既不是文件也不是目录"),
        ("it exists and is not a directory", "它已存在且不是目录"),
        ("{0} error", "{0} 个错误"),
        ("{0} errors", "{0} 个错误"),
        ("{0} warning", "{0} 个警告"),
        ("{0} warnings", "{0} 个警告"),
        ("standard input", "标准输入"),
        ("standard output", "标准输出"),
        ("standard error", "标准错误"),
        ("No such file or directory", "没有那个文件或目录"),
        ("Permission denied", "权限不够"),
        ("Is a directory", "是一个目录"),
        ("Not a directory", "不是目录"),
        ("No space left on device", "设备上没有空间"),
        ("Too many levels of symbolic links", "符号链接的层数过多"),
        ("Broken pipe", "管道已断开"),
        ("Bad file descriptor", "文件描述符错误"),
        ("Input/output error", "输入/输出错误"),
        ("mapping", "映射"),
        ("list", "列表"),
        ("text", "文本"),
        ("null", "空值"),
    ]
}
