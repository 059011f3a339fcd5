/// The Chinese and English words for the language's own values: those every vocabulary shares
/// (duration units, rule levels, source confidences and sightings, `none`). A vocabulary's values
/// (facts and outputs) are labelled in vocabulary.yaml, never here.
public enum LanguageWords {
    public static let words: [String: ValueLabel] = [
        // Duration units, as the readable answer writes them after a number.
        "working_days": ValueLabel(zh: "个工作日", en: "working days"),
        "months": ValueLabel(zh: "个月", en: "months"),
        "days": ValueLabel(zh: "天", en: "days"),
        // Rule levels.
        "national": ValueLabel(zh: "国家", en: "national"),
        "province": ValueLabel(zh: "省级", en: "province"),
        "city": ValueLabel(zh: "市级", en: "city"),
        // Source confidences and how a source was seen (sources.yaml).
        "official": ValueLabel(zh: "政府文件或页面原文", en: "a government text or page"),
        "state_media": ValueLabel(
            zh: "官方媒体报道（新华社、央视、人民网等）", en: "state media reports (Xinhua, CCTV, People's Daily ...)"),
        "secondary": ValueLabel(zh: "其他新闻和第三方解读", en: "other news, third-party explainers"),
        "seed": ValueLabel(zh: "种子文章", en: "seed article"),
        "issuer": ValueLabel(zh: "发布机关网站", en: "the issuer's own site"),
        "mirror": ValueLabel(zh: "全文转载或镜像", en: "a mirror or repost of the whole text"),
        "quotation": ValueLabel(zh: "他处引用", en: "a quotation in another page"),
        // An optional output written `none` in a rule.
        "none": ValueLabel(zh: "无（回答中为 null）", en: "null in the answer"),
    ]

    public static func zh(_ word: String) -> String { words[word]?.zh ?? word }
    public static func en(_ word: String) -> String { words[word]?.en ?? word }
}

extension Vocabulary {
    /// A value's label in this vocabulary: an output's labels first, then a fact's; nil when
    /// neither labels it.
    public func label(ofValue value: String) -> ValueLabel? {
        for decision in decisions {
            for output in decision.outputs { if let l = output.label(of: value) { return l } }
        }
        for fact in facts {
            guard let labels = fact.labels, let i = fact.values.firstIndex(of: value), i < labels.count else {
                continue
            }
            return labels[i]
        }
        return nil
    }

    /// The label of a value of one fact or output (by name), else of the value anywhere in the
    /// vocabulary, else the language's word for it.
    public func label(of value: String, in name: String? = nil) -> ValueLabel? {
        if let name {
            if let fact = fact(named: name), let labels = fact.labels, let i = fact.values.firstIndex(of: value),
                i < labels.count
            {
                return labels[i]
            }
            for decision in decisions {
                if let l = decision.outputs.first(where: { $0.name == name })?.label(of: value) { return l }
            }
        }
        return label(ofValue: value) ?? LanguageWords.words[value]
    }
}
