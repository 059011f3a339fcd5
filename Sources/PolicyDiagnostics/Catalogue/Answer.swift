extension Catalogue {
    /// Messages of checking vocabulary.yaml's `answer:` (parts, steps, the rules between parts) and
    /// its output labels.
    static let answerDeclaration: [(en: String, zh: String)] = [
        ("answer: unknown decision '{0}'", "answer：未知的决策 '{0}'"),
        ("decisions: {0}", "决策：{0}"),
        ("outputs: {0}", "输出：{0}"),
        ("values: {0}", "取值：{0}"),
        ("part '{0}' repeats a part name or a decision already laid out", "部分 '{0}' 重复了已有的部分名，或其决策已有部分"),
        ("give each decision one part, under one name", "每个决策只占一个部分，只用一个名字"),
        ("part name '{0}' is the name of another decision", "部分名 '{0}' 是另一个决策的名字"),
        ("a part's name and a decision's name select the same part with --parts", "--parts 用部分名或决策名选择同一个部分"),
        ("step '{0}' has no count output (a time limit in working days)", "步骤 '{0}' 没有 count 输出（以工作日计的时限）"),
        ("a step's count output is what its due date counts", "步骤的到期日按它的 count 输出计算"),
        ("a relation on '{0}' has no note", "关于 '{0}' 的关系没有说明（note）"),
        (
            "add note: {zh, en}: the transfer part says it when the relation holds",
            "加上 note: {zh, en}：关系成立时，转移部分给出这段说明"
        ),
        (
            "a condition is either {decision, undetermined: true} or {decision, output, value}",
            "条件写作 {decision, undetermined: true} 或 {decision, output, value}"
        ),
        ("write undetermined: true alone, or name an output", "单独写 undetermined: true，或写出一个输出"),
        ("a condition on '{0}' names no output", "关于 '{0}' 的条件没有写输出"),
        ("add output: (one of {0}) or undetermined: true", "加上 output:（{0} 之一）或 undetermined: true"),
        ("a condition reads an enum or tristate output; '{0}' is neither", "条件只读取枚举或三态输出；'{0}' 两者都不是"),
        ("name an enum or tristate output", "写一个枚举或三态输出"),
        ("'{0}' is not a value of '{1}.{2}'", "'{0}' 不是 '{1}.{2}' 的取值"),
        ("the vocabulary declares {0} decisions; at most {1}", "词汇表声明了 {0} 个决策；最多 {1} 个"),
        ("an answer has at most {0} parts", "一个回答最多有 {0} 个部分"),
        ("field '{0}' is already a field of the part of '{1}'", "字段 '{0}' 已是 '{1}' 部分的字段"),
        ("give each output of a part its own field name", "一个部分的每个输出各用一个字段名"),
        ("the answer declaration names unknown decision '{0}'", "回答声明中有未知的决策 '{0}'"),
        ("the answer declaration names unknown output '{0}.{1}'", "回答声明中有未知的输出 '{0}.{1}'"),
        ("step '{0}' is listed twice", "步骤 '{0}' 列出了两次"),
        ("group '{0}' repeats a part or group name", "分组 '{0}' 与已有的部分名或分组名重复"),
        ("give each group a name no part or group has", "给每个分组起一个部分和其他分组都没有用过的名字"),
        ("group '{0}' has no parts", "分组 '{0}' 没有部分"),
        ("list the parts it nests, or remove it", "列出它包含的部分，或删去它"),
        ("group '{0}' names '{1}', which is not a part of answer: parts", "分组 '{0}' 中的 '{1}' 不是 answer: parts 中的部分"),
        ("parts: {0}", "部分：{0}"),
        ("label for '{0}', which is no part or group", "'{0}' 的标题：它不是部分也不是分组"),
        ("parts and groups: {0}", "部分和分组：{0}"),
        ("part '{0}' is in more than one group", "部分 '{0}' 属于不止一个分组"),
        ("nest each part in one group", "每个部分只放进一个分组"),
        ("part '{0}' is about the family member and cannot be grouped", "部分 '{0}' 关于家庭成员，不能放进分组"),
        (
            "a group is always written; a part about the member is null without one",
            "分组总会写出；关于家庭成员的部分在没有家庭成员时为 null"
        ),
        (
            "part '{0}' of group '{1}' is not a step and does not show exactly one value",
            "分组 '{1}' 的部分 '{0}' 不是步骤，也不是恰好给出一个值"
        ),
        (
            "a grouped part that is not a step is written flat, as its value and '{0}_basis'",
            "分组中不是步骤的部分平铺写出：它的值和 '{0}_basis'"
        ),
        (
            "the parts of group '{0}' do not stand one after another in answer: parts",
            "分组 '{0}' 的部分在 answer: parts 中没有依次相连"
        ),
        (
            "list them in answer: parts in the order the group lists them, with nothing between",
            "在 answer: parts 中按分组列出的顺序依次列出它们，中间不夹其他部分"
        ),
        (
            "each step's due date counts from the one before it; list each once",
            "每个步骤的到期日从前一个步骤算起；每个步骤只列一次"
        ),
        ("answer: more than {0} steps", "answer：步骤多于 {0} 个"),
        ("an answer holds at most {0} due dates", "一个回答最多给出 {0} 个到期日"),
        ("answer: {0} relations and voids; at most {1}", "answer：关系和 voids 共 {0} 个；最多 {1} 个"),
        ("an answer checks at most {0} conditions", "一个回答最多检查 {0} 个条件"),
        ("{0} has no values to label", "{0} 没有可加标签的取值"),
        ("labels name the values of an enum output; remove 'labels:'", "标签只给枚举输出的取值；删除 'labels:'"),
        ("{0} labels some values but not {1}", "{0} 给部分取值加了标签，但 {1} 没有"),
        ("label every value, {zh, en} each, or none", "为每个取值都给出 {zh, en} 标签，或都不给"),
    ]
}
