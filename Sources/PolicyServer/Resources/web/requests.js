// Requests to this server: every one names the page's language, so errors come back in it, and
// each shows which table answered (Policy-Table).
import { $, colon, factLabel, state } from "./words.js";

const withLang = (path) => path + (path.includes("?") ? "&" : "?") + "lang=" + state.lang;

export async function request(path, options) {
  const response = await fetch(withLang(path), options);
  $("table").textContent = response.headers.get("Policy-Table") || $("table").textContent;
  if (!response.ok) {
    let message = String(response.status);
    try {
      const e = (await response.json()).error;
      const field = e.field && !e.field.startsWith("(") ? factLabel(e.field) + colon() : "";
      message = field + e.message + (e.allowed ? " (" + e.allowed.join(", ") + ")" : "");
    } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

export const post = (path, body) => request(path, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
});
