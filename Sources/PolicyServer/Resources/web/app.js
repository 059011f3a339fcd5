// The page's behaviour: plain JavaScript modules, no build step, no network beyond this server.
// The form and the answer are built from the serving table's vocabulary (/v1/vocabulary): its
// facts, their labels and defaults, the decisions' outputs and the answer's parts and headings.
// words.js: the page's words and state; form.js: the form; address.js: the page's address;
// answer.js: the answer; requests.js: requests to this server. This file wires them together.
import { fillFromAddress, shareableQuery } from "./address.js";
import {
  renderAnswer, renderAssumptions, renderHeadline, renderSources, renderSteps, sourceDetails,
} from "./answer.js";
import { autocomplete, buildForm, facts, relabelForm } from "./form.js";
import { post, request } from "./requests.js";
import { $, state, t } from "./words.js";

function applyLanguage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  for (const e of document.querySelectorAll("[data-zh]")) e.textContent = e.dataset[state.lang];
  $("lang").textContent = t().toggle;
  $("lang").setAttribute("aria-label", t().toggleLabel);
  document.title = document.querySelector("h1").textContent;
  if (state.vocabulary) relabelForm();
}

function showError(error) {
  $("error").textContent = t().failed + error.message;
  $("error").hidden = false;
}

let lastFacts = null;
async function ask(event) {
  if (event) event.preventDefault();
  $("error").hidden = true;
  const f = facts();
  if (!f.origin || !f.destination) { showError(new Error(t().missing)); return; }
  history.replaceState(null, "", "/?" + shareableQuery(f).toString());
  try {
    const answer = await (await post("/v1/answer", f)).json();
    const sources = await sourceDetails(answer);
    renderHeadline(answer);
    renderAssumptions(f, answer);
    renderSteps(answer);
    renderAnswer(answer, sources);
    renderSources(sources);
    lastFacts = f;
    $("explanation").hidden = true;
    $("result").hidden = false;
    $("headline").focus();
  } catch (error) {
    $("result").hidden = true;
    showError(error);
  }
}

async function whyNot() {
  if (!lastFacts) return;
  try {
    $("explanation").textContent = await (await post("/v1/explain?format=text", lastFacts)).text();
    $("explanation").hidden = false;
  } catch (error) {
    showError(error);
  }
}

$("lang").addEventListener("click", () => {
  state.lang = state.lang === "zh" ? "en" : "zh";
  applyLanguage();
  if (lastFacts && !$("result").hidden) ask();
});
$("family").addEventListener("change", () => { $("family-fields").hidden = !$("family").checked; });
$("facts").addEventListener("submit", ask);
$("whynot").addEventListener("click", whyNot);
$("print").addEventListener("click", () => window.print());
autocomplete("origin", "origin-list");
autocomplete("destination", "destination-list");
autocomplete("member_region", "member-list");
applyLanguage();
$("ask").disabled = true;
(async () => {
  try {
    state.vocabulary = await (await request("/v1/vocabulary")).json();
    buildForm();
    applyLanguage();
    $("ask").disabled = false;
    document.body.dataset.ready = "true";
    if (fillFromAddress()) ask();
  } catch (error) {
    showError(error);
  }
})();
