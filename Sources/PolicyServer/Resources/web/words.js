// The page's words in Chinese and English, and the small helpers every part of the page shares:
// the page's state (its language, the serving table's vocabulary), elements, dates and durations.
export const state = {
  lang: new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh",
  // The serving table's vocabulary (/v1/vocabulary), once read.
  vocabulary: null,
};
const ui = {
  zh: {
    unsure: "不清楚", yes: "是", no: "否", can: "可以办理转移", cannot: "暂不能办理转移", notNeeded: "无需办理转移",
    needMore: "还不能确定，请补充以下情况", notRecorded: "本库未收录，请咨询经办机构",
    toggle: "English", toggleLabel: "Switch to English", failed: "查询失败：",
    missing: "请填写转出地和转入地。", loading: "正在读取问题……", reasons: "暂不能办理，原因：",
    unanswered: (q, a) => `你未回答「${q}」，按「${a}」计算`, change: "修改", answer: "回答",
    noDate: "你未填申请日期，按今天计算", apply: "提交转移申请", by: "最迟", around: "约",
    workingDays: (n) => `不超过 ${n} 个工作日`, provisional: "（当年节假日安排尚未正式公布，日期可能变动）",
    why: "为什么 / 依据", rule: "依据的规则", checked: "已核对的条件", missingFacts: "还需要知道",
    source: "来源", confidence: "可信度", undetermined: "无法确定", noLink: "（无公开链接）",
    moving: "医保关系转移", scope: "范围", date: "申请日期", publisher: "发布者", published: "日期",
    weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    arrival: (words) => `${words}（具体日期以经办机构为准）`,
    units: { working_days: "个工作日", months: "个月", days: "天" },
    levels: {
      official: ["官方文件", "有政府部门发布的文件或页面原文为据。"],
      state_media: ["官方媒体", "新华社、央视等官方媒体报道过，未见文件原文。"],
      secondary: ["第三方网页", "转述政策的新闻或网页，未见官方原文，请向经办机构确认。"],
      seed: ["网络文章", "仅有网络文章这样说，未经官方资料核实，请向经办机构确认。"],
    },
  },
  en: {
    unsure: "Not sure", yes: "Yes", no: "No", can: "You can transfer", cannot: "You cannot transfer yet",
    notNeeded: "No transfer needed", needMore: "Not decided yet: tell us the following",
    notRecorded: "Not recorded here: ask the insurance office",
    toggle: "中文", toggleLabel: "切换到中文", failed: "The request failed: ",
    missing: "Give where you are insured now and where you are moving.", loading: "Loading the questions…",
    reasons: "Not yet, because:", unanswered: (q, a) => `You did not answer “${q}”: taken as “${a}”`,
    change: "Change", answer: "Answer", noDate: "You gave no application date: today is assumed",
    apply: "Apply for the transfer", by: "by", around: "about",
    workingDays: (n) => `at most ${n} working days`,
    provisional: " (that year's public holidays are not yet official: the date may change)",
    why: "Why / sources", rule: "Rule", checked: "Conditions checked", missingFacts: "Still needed",
    source: "Source", confidence: "Confidence", undetermined: "Cannot be decided", noLink: "(no public link)",
    moving: "Moving medical insurance", scope: "Scope", date: "Application date", publisher: "Publisher",
    published: "Date", weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    arrival: (words) => `${words} (ask the office for the exact date)`,
    units: { working_days: "working days", months: "months", days: "days" },
    levels: {
      official: ["Official document", "A government document or page says so."],
      state_media: ["State media", "State media (Xinhua, CCTV, ...) reported it; the document itself was not seen."],
      secondary: ["Third-party web page", "News or a web page retelling the policy; check with the office."],
      seed: ["Web article", "Only a web article says so, not checked against official sources; check with the office."],
    },
  },
};

export const t = () => ui[state.lang];
export const $ = (id) => document.getElementById(id);
export const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};
export const label = (x) => (x ? x[state.lang] || x.zh : "");
export const colon = () => (state.lang === "zh" ? "：" : ": ");
export const aside = (text) => (state.lang === "zh" ? `（${text}）` : ` (${text})`);

export function weekday(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return t().weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}
export const dated = (iso) => iso + aside(weekday(iso));

export function duration(d) {
  if (!d || typeof d !== "object") return null;
  const space = state.lang === "zh" ? "" : " ";
  return (d.approximate ? t().around + space : "") + d.value + space + (t().units[d.unit] || d.unit);
}

// ---- the vocabulary: facts the person gives, and how to word them ----
export const inputFacts = () => state.vocabulary.facts.filter((f) => !f.derive);
export const memberFact = (field) => state.vocabulary.facts.find((f) => f.derive && f.derive.member === field);
export const factByName = (name) => state.vocabulary && state.vocabulary.facts.find((f) => f.name === name);
export function valueLabel(fact, value) {
  if (fact.boolean) return value === "true" || value === true ? t().yes : t().no;
  const i = fact.values.indexOf(String(value));
  return fact.labels && i >= 0 ? label(fact.labels[i]) : String(value);
}
// A region fact, the application date or a vocabulary fact, by the name answers use.
export function factLabel(name) {
  const fact = factByName(name);
  if (fact) return label(fact);
  const field = document.querySelector(`label[for="${name}"]`);
  return field ? field.textContent : name;
}
