"""End to end: a real LSP client (pytest-lsp) drives `policyc lsp` on a copy of the shipped policies.

Run from the repository root after `swift build`:  python3 -m pytest scripts/ci/lsp_e2e
(POLICYC=path/to/policyc to use another binary).
"""
import asyncio
import os
import pathlib
import shutil
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(__file__).resolve().parents[3]
POLICYC = os.environ.get("POLICYC", str(REPO / ".build/debug/policyc"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[POLICYC, "lsp", "--lang", "en"]))
async def client(lsp_client: LanguageClient):
    # VS Code's capabilities allow dynamic registration: the server registers its file watcher.
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def policies(tmp_path):
    root = tmp_path / "policies"
    shutil.copytree(REPO / "policies", root)
    return root


def utf16(text):
    return len(text.encode("utf-16-le")) // 2


def range_of(text, needle, occurrence=0):
    """The LSP range (UTF-16 columns) of the n-th occurrence of needle, computed here, not by the server."""
    seen = 0
    for number, line in enumerate(text.split("\n")):
        start = line.find(needle)
        while start >= 0:
            if seen == occurrence:
                column = utf16(line[:start])
                return types.Range(
                    start=types.Position(line=number, character=column),
                    end=types.Position(line=number, character=column + utf16(needle)),
                )
            seen += 1
            start = line.find(needle, start + 1)
    raise AssertionError(f"{needle!r} not in text")


def apply_edits(text, edits):
    lines = text.split("\n")

    def offset(p):
        before = "\n".join(lines[: p.line]) + ("\n" if p.line else "")
        line = lines[p.line] if p.line < len(lines) else ""
        units, chars = 0, 0
        for ch in line:
            if units >= p.character:
                break
            units += utf16(ch)
            chars += 1
        return len(before) + chars

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
        lines = text.split("\n")
    return text


async def diagnostics(client, uri, predicate=lambda ds: True, timeout=20):
    async def wait():
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and predicate(found):
                return found
            await client.wait_for_notification("textDocument/publishDiagnostics")

    return await asyncio.wait_for(wait(), timeout)


def open_file(client, path, text):
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    return uri


def change(client, uri, version, text, range=None):
    client.diagnostics.pop(uri, None)
    event = (
        types.TextDocumentContentChangePartial(range=range, text=text)
        if range
        else types.TextDocumentContentChangeWholeDocument(text=text)
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[event]
        )
    )


def check(policies):
    return subprocess.run(
        [POLICYC, "check", "--warnings-as-errors", "--format", "text", str(policies)], capture_output=True, text=True
    )


async def test_mistyped_source_is_reported_before_saving_and_the_quick_fix_clears_it(client, policies):
    path = policies / "cities/nanjing.yaml"
    text = path.read_text()
    uri = open_file(client, path, text)
    assert list(await diagnostics(client, uri)) == []
    where = range_of(text, "NJ-QBK")
    change(client, uri, 2, "NJ-QBX", where)  # incremental change, not saved
    found = await diagnostics(client, uri, lambda ds: any(d.code == "E0203" for d in ds))
    unknown = next(d for d in found if d.code == "E0203")
    assert unknown.range == where
    assert unknown.severity == types.DiagnosticSeverity.Error
    assert "did you mean 'NJ-QBK'?" in unknown.message
    assert unknown.code_description is not None and "docs/diagnostics.md#" in unknown.code_description.href

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=unknown.range,
            context=types.CodeActionContext(diagnostics=[unknown]),
        )
    )
    fix = next(a for a in actions if a.title == "Change to 'NJ-QBK'")
    fixed = apply_edits(text.replace("NJ-QBK", "NJ-QBX", 1), fix.edit.changes[uri])
    assert fixed == text
    change(client, uri, 3, fixed)
    assert list(await diagnostics(client, uri)) == []
    path.write_text(fixed)
    assert check(policies).returncode == 0


async def test_ranges_count_utf16_units_on_chinese_text(client, policies):
    path = policies / "cities/nanjing.yaml"
    text = path.read_text().replace('region: "320100"', "region: 南京京")
    uri = open_file(client, path, text)
    found = await diagnostics(client, uri, lambda ds: any(d.code == "E0202" for d in ds))
    assert next(d for d in found if d.code == "E0202").range == range_of(text, "南京京")


async def test_gap_with_witness_and_the_suggested_rule(client, policies):
    path = policies / "national.yaml"
    text = path.read_text().replace(
        "{insurance_type: employee, contribution_gap_months: {max: 3}}",
        "{insurance_type: employee, contribution_gap_months: {max: 2}}",
    )
    uri = open_file(client, path, text)
    found = await diagnostics(client, uri, lambda ds: any(d.code == "W0501" for d in ds))
    gap = next(d for d in found if d.code == "W0501")
    assert '"contribution_gap_months": 3' in gap.message and "witness" in gap.message
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=gap.range,
            context=types.CodeActionContext(diagnostics=[gap]),
        )
    )
    insert = next(a for a in actions if a.title.startswith("Insert the suggested rule"))
    inserted = apply_edits(text, insert.edit.changes[uri])
    completed = inserted.replace(
        "then: {pay_up_restores_benefits: TODO, max_waiting_period: TODO, min_waiting_period: TODO, reason: TODO}",
        "then: {pay_up_restores_benefits: true, max_waiting_period: {value: 0, unit: months, approximate: false},"
        " min_waiting_period: {value: 0, unit: months, approximate: false}, reason: {zh: 补缴, en: paid up}}",
    ).replace("sources: [TODO]", "sources: [X-2021]")
    path.write_text(completed)
    result = check(policies)
    assert "W0501" not in result.stdout and result.returncode == 0, result.stdout


async def test_hover_definition_references_completion(client, policies):
    path = policies / "provinces/beijing.yaml"
    text = path.read_text()
    uri = open_file(client, path, text)
    await diagnostics(client, uri)
    doc = types.TextDocumentIdentifier(uri=uri)

    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc, position=range_of(text, "O-BJ2").start)
    )
    assert "北京市医保局问答" in hover.contents.value and "confidence: **official**" in hover.contents.value

    target = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=range_of(text, "national.balance.follows-person").start)
    )
    location = target[0] if isinstance(target, list) else target
    national = (policies / "national.yaml").read_text()
    assert location.uri == (policies / "national.yaml").as_uri()
    assert location.range == range_of(national, "national.balance.follows-person")

    nanjing_path = policies / "cities/nanjing.yaml"
    nanjing = nanjing_path.read_text()
    nanjing_uri = open_file(client, nanjing_path, nanjing)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=nanjing_uri),
            position=range_of(nanjing, "NJ-FS", occurrence=nanjing.split("[NJ-FS")[0].count("NJ-FS")).start,
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert len(refs) == nanjing.count("[NJ-FS")

    line = "    when: {insurance_type: "
    edited = text.replace("    when: {insurance_type: employee, changes_scheme: false, retired", line + "\n    x: {y", 1)
    assert edited != text
    change(client, uri, 2, edited)
    number = edited.split("\n").index(line)
    completion = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc, position=types.Position(line=number, character=utf16(line)))
    )
    items = completion.items if hasattr(completion, "items") else completion
    assert sorted(i.label for i in items) == ["employee", "resident"]


async def test_a_file_changed_on_disk_is_rechecked_through_the_watcher(client, policies):
    nanjing = policies / "cities" / "nanjing.yaml"
    open_file(client, nanjing, nanjing.read_text(encoding="utf-8"))
    await diagnostics(client, nanjing.as_uri())
    zhengzhou = policies / "cities" / "zhengzhou.yaml"
    text = zhengzhou.read_text(encoding="utf-8")
    assert "sources: [SEED0, SEED1]" in text
    zhengzhou.write_text(text.replace("sources: [SEED0, SEED1]", "sources: [SEED0, SEED9]"), encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=zhengzhou.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    found = await diagnostics(client, zhengzhou.as_uri(), lambda ds: any(d.code == "E0203" for d in ds))
    assert any("SEED9" in d.message for d in found)
    # The registration request came right after `initialized`; by now the client has answered it.
    assert any(r.method == "workspace/didChangeWatchedFiles" for r in client.registrations)


async def test_shutdown_then_exit_ends_the_server_with_status_zero(policies):
    process = await asyncio.create_subprocess_exec(
        POLICYC, "lsp", "--lang", "en", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
    )

    def frame(body):
        data = body.encode()
        return b"Content-Length: %d\r\n\r\n" % len(data) + data

    process.stdin.write(frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'))
    process.stdin.write(frame('{"jsonrpc":"2.0","id":2,"method":"shutdown"}'))
    process.stdin.write(frame('{"jsonrpc":"2.0","method":"exit"}'))
    await process.stdin.drain()
    assert await asyncio.wait_for(process.wait(), 10) == 0
