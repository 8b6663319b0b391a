"""Spec conformance of the Nexthink emulator: (a) every route's responses against the official
schemas, (b) schemathesis property tests. Prints `N passed, M failed` last; exit 1 on failures.

Usage: conformance.py BASE_URL SPEC_DIR WORK_DIR
"""
import base64
import json
import pathlib
import subprocess
import sys
import time
import urllib.error
import urllib.request

import jsonschema

import data_apis
import spec_copy

BASIC = "Basic " + base64.b64encode(b"sandbox-client:sandbox-secret").decode()
TOKEN_FORM = b"grant_type=client_credentials&scope=service%3Aintegration"
STATUSES = {"waiting_for_device", "in_progress", "success", "failure", "expired"}
ROW_FIELDS = {"request_id", "device.name", "device.collector.uid", "remote_action.name", "status",
              "status_details", "time", "outputs"}
# The token endpoint is not in the OpenAPI documents; these shapes come from spec/README.md.
TOKEN_SCHEMA = {"type": "object", "required": ["token_type", "expires_in", "access_token"],
                "properties": {"token_type": {"enum": ["Bearer"]}, "expires_in": {"type": "integer"},
                               "access_token": {"type": "string", "minLength": 1}, "scope": {"type": "string"}}}
OAUTH_ERROR_SCHEMA = {"type": "object", "required": ["error"],
                      "properties": {"error": {"type": "string"}, "error_description": {"type": "string"}}}


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, name: str, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}")
        return ok


def http(base, method, path, headers=None, body=None):
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    if isinstance(body, (dict, list)):
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def openapi_to_jsonschema(node, components):
    """Resolves $ref and turns OpenAPI 3.0 `nullable` into a JSON Schema null type."""
    if isinstance(node, list):
        return [openapi_to_jsonschema(n, components) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return openapi_to_jsonschema(components[node["$ref"].split("/")[-1]], components)
    out = {k: openapi_to_jsonschema(v, components) for k, v in node.items() if k != "nullable"}
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    return out


class Validator:
    def __init__(self, report, specs):
        self.report = report
        self.specs = specs

    def operation(self, method, path):
        for spec in self.specs:
            for template, ops in spec["paths"].items():
                if self._matches(template, path) and method.lower() in ops:
                    return spec, ops[method.lower()]
        return None, None

    @staticmethod
    def _matches(template, path):
        t, p = template.strip("/").split("/"), path.split("?")[0].strip("/").split("/")
        return len(t) == len(p) and all(a == b or a.startswith("{") for a, b in zip(t, p))

    def response(self, name, method, path, status, headers, body, expected):
        r = self.report
        if not r.check(status == expected, f"{name}: status", f"expected {expected}, got {status}: {body[:300]!r}"):
            return None
        spec, op = self.operation(method, path)
        if not r.check(op is not None, f"{name}: operation in spec", f"{method} {path}"):
            return None
        documented = op["responses"].get(str(status))
        if not r.check(documented is not None, f"{name}: status {status} documented",
                       f"documented: {sorted(op['responses'])}"):
            return None
        content = documented.get("content")
        if not content:
            return r.check(True, f"{name}: no body schema documented")
        ctype = headers.get("Content-Type", "").split(";")[0].strip()
        if not r.check(ctype in content, f"{name}: content type", f"{ctype!r} not in {sorted(content)}"):
            return None
        if ctype != "application/json":
            return True
        schema = openapi_to_jsonschema(content[ctype]["schema"], spec["components"]["schemas"])
        return self.body(name, body, schema)

    def body(self, name, body, schema):
        try:
            value = json.loads(body)
            jsonschema.Draft4Validator(schema).validate(value)
            self.report.check(True, f"{name}: body matches schema")
            return value
        except (ValueError, jsonschema.ValidationError) as e:
            self.report.check(False, f"{name}: body matches schema", str(e)[:400])
            return None


def scenarios(base, v: Validator, report: Report):
    def call(name, method, path, expected, body=None, token=None, headers=None):
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        status, rh, raw = http(base, method, path, h, body)
        return v.response(name, method, path, status, rh, raw, expected)

    def token_call(name, path, headers, body, expected, schema):
        status, _, raw = http(base, "POST", path, headers, body)
        if report.check(status == expected, f"{name}: status", f"expected {expected}, got {status}"):
            return v.body(name, raw, schema)
        return None

    form = {"Authorization": BASIC, "Content-Type": "application/x-www-form-urlencoded"}
    tok = token_call("token oauth", "/oauth2/default/v1/token", form, TOKEN_FORM, 200, TOKEN_SCHEMA)
    token_call("token legacy", "/api/v1/token", {"Authorization": BASIC}, b"", 200, TOKEN_SCHEMA)
    token_call("token bad client", "/oauth2/default/v1/token",
               {**form, "Authorization": "Basic " + base64.b64encode(b"x:y").decode()}, TOKEN_FORM, 401, OAUTH_ERROR_SCHEMA)
    token_call("token bad grant", "/oauth2/default/v1/token", form, b"grant_type=password", 400, OAUTH_ERROR_SCHEMA)
    if not tok:
        return
    t = tok["access_token"]

    actions = call("list", "GET", "/api/v1/act/remote-action", 200, token=t) or []
    call("list filtered", "GET", "/api/v1/act/remote-action?hasScriptWindows=true&hasScriptMacOs=false", 200, token=t)
    call("list bad filter", "GET", "/api/v1/act/remote-action?hasScriptWindows=maybe", 400, token=t)
    call("list without token", "GET", "/api/v1/act/remote-action", 401)
    for a in actions:
        call(f"details {a['id']}", "GET", "/api/v1/act/remote-action/details?nql-id=" + a["id"].replace("#", "%23"), 200, token=t)
    call("details unknown", "GET", "/api/v1/act/remote-action/details?nql-id=%23nope", 404, token=t)
    call("details missing id", "GET", "/api/v1/act/remote-action/details", 400, token=t)
    call("details without token", "GET", "/api/v1/act/remote-action/details?nql-id=%23ExampleRA", 401)

    devices = ["3fa85f64-5717-4562-b3fc-2c963f66afa6", "2bdb0941-2507-40de-854a-3efa1784b26b",
               "f60b679d-1923-5096-97cb-130d928bba0a", "00000000-0000-4000-8000-000000000001"]
    full = {"remoteActionId": "#ExampleRA", "devices": devices, "expiresInMinutes": 120,
            "params": {"StartType": "Automatic", "StatusChange": "On"},
            "triggerInfo": {"externalSource": "ServiceNow", "reason": "conformance", "externalReference": "SNOW-488783"}}
    accepted = call("execute full", "POST", "/api/v1/act/execute", 200, full, token=t)
    call("execute minimal", "POST", "/api/v1/act/execute", 200, {"remoteActionId": "#get_battery_status", "devices": devices[:1]}, token=t)
    call("execute invalid", "POST", "/api/v1/act/execute", 400, {"remoteActionId": "#ExampleRA", "devices": []}, token=t)
    call("execute malformed", "POST", "/api/v1/act/execute", 400, b"{not json", token=t, headers={"Content-Type": "application/json"})
    call("execute unknown action", "POST", "/api/v1/act/execute", 400, {"remoteActionId": "#nope", "devices": devices}, token=t)
    call("execute not API-enabled", "POST", "/api/v1/act/execute", 403, {"remoteActionId": "#collect_event_logs", "devices": devices}, token=t)
    call("execute without token", "POST", "/api/v1/act/execute", 401, full)

    for version in (1, 2):
        ex = f"/api/v{version}/nql/execute"
        for qid, params in [("#devices", {}), ("#devices_by_os", {"os": "macos"})]:
            call(f"nql v{version} {qid}", "POST", ex, 200, {"queryId": qid, "parameters": params}, token=t)
        call(f"nql v{version} csv", "POST", ex, 200, {"queryId": "#devices"}, token=t, headers={"Accept": "text/csv"})
        call(f"nql v{version} unknown", "POST", ex, 404, {"queryId": "#nothing_here"}, token=t)
        call(f"nql v{version} bad id", "POST", ex, 400, {"queryId": "Devices"}, token=t)
        call(f"nql v{version} not acceptable", "POST", ex, 406, {"queryId": "#devices"}, token=t, headers={"Accept": "image/png"})
        call(f"nql v{version} without token", "POST", ex, 401, {"queryId": "#devices"})

    if accepted:
        time.sleep(0.5)  # the emulator runs with --time-scale 600: 300 emulated seconds
        q = {"queryId": "#remote_action_executions_by_request", "parameters": {"request_id": accepted["requestId"]}}
        v1 = call("nql v1 executions", "POST", "/api/v1/nql/execute", 200, q, token=t)
        v2 = call("nql v2 executions", "POST", "/api/v2/nql/execute", 200, q, token=t)
        if v1:
            report.check(set(v1["headers"]) == ROW_FIELDS, "v1 execution headers", str(v1["headers"]))
        if v2:
            rows = v2["data"]
            report.check(len(rows) == len(devices), "one row per device", f"{len(rows)} rows")
            report.check(all(set(r) == ROW_FIELDS for r in rows), "v2 row fields", str(rows[:1]))
            report.check(all(r["status"] in STATUSES for r in rows), "status values", str([r["status"] for r in rows]))
            report.check(all(isinstance(r["outputs"], dict) for r in rows), "outputs are objects", "")

    started = call("export post", "POST", "/api/v1/nql/export", 200, {"queryId": "#devices_by_os", "parameters": {"os": "windows"}}, token=t)
    call("export get", "GET", "/api/v1/nql/export?queryId=%23devices", 200, token=t)
    call("export unknown query", "GET", "/api/v1/nql/export?queryId=%23nothing_here", 404, token=t)
    call("status unknown", "GET", "/api/v1/nql/status/nope", 404, token=t)
    if started:
        time.sleep(0.05)
        done = call("export status", "GET", f"/api/v1/nql/status/{started['exportId']}", 200, token=t)
        if done and report.check(done.get("status") == "COMPLETED", "export completes", str(done)):
            status, _, raw = http("", "GET", done["resultsFileUrl"])
            report.check(status == 200 and raw.startswith(b"device.name,"), "export results file", f"{status} {raw[:80]!r}")


WF_ROW_FIELDS = {"request_id", "execution_id", "request_time", "workflow.name", "workflow.nql_id", "device.name",
                 "user.sid", "status", "status_details", "outcome", "outcome_details"}
WF_STATUSES = {"waiting_for_device", "in_progress", "waiting_for_trigger", "success", "failure", "expired"}
SID = "S-1-5-21-1-2-3-1001"


def automation_scenarios(base, token, v: Validator, report: Report):
    """Workflows and campaigns (issue 11), against their own documents."""
    def call(name, method, path, expected, body=None, auth=True):
        h = {"Authorization": f"Bearer {token}"} if auth else {}
        status, rh, raw = http(base, method, path, h, body)
        return v.response(name, method, path, status, rh, raw, expected)

    listed = call("workflows list", "GET", "/api/v1/workflows", 200) or []
    call("workflows list filtered", "GET", "/api/v1/workflows?dependency=DEVICE&triggerMethod=API&fetchOnlyActiveWorkflows=true", 200)
    call("workflows list bad filter", "GET", "/api/v1/workflows?dependency=PRINTER&triggerMethod=API", 400)
    call("workflows list without token", "GET", "/api/v1/workflows", 401, auth=False)
    for w in listed:
        call(f"workflow details {w['id']}", "GET", "/api/v1/workflows/details?nqlId=" + w["id"].replace("#", "%23"), 200)
    call("workflow details unknown", "GET", "/api/v1/workflows/details?nqlId=%23nope", 200)
    call("workflow details missing id", "GET", "/api/v1/workflows/details", 400)
    v1 = {"workflowId": "#wf_restart_spooler", "devices": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"], "users": [],
          "params": {"reason": "conformance"}}
    v2 = {"workflowId": "#wf_software_approval", "devices": [], "users": [{"sid": SID}], "params": {"software": "7-Zip"}}
    ran = call("workflow execute v1", "POST", "/api/v1/workflows/execute", 200, v1)
    waiting = call("workflow execute v2", "POST", "/api/v2/workflows/execute", 200, v2)
    call("workflow execute invalid", "POST", "/api/v1/workflows/execute", 400, {**v1, "devices": ["LAPTOP-01"]})
    call("workflow execute v2 invalid", "POST", "/api/v2/workflows/execute", 400, {**v2, "users": [{"upn": "nope"}]})
    call("workflow execute unknown", "POST", "/api/v1/workflows/execute", 400, {**v1, "workflowId": "#nope"})
    call("workflow execute not API-enabled", "POST", "/api/v1/workflows/execute", 403, {**v1, "workflowId": "#wf_disk_cleanup"})
    call("workflow execute without token", "POST", "/api/v1/workflows/execute", 401, v1, auth=False)
    approval = next((w for w in listed if w["id"] == "#wf_software_approval"), None)
    if waiting and approval:
        time.sleep(0.2)  # --time-scale 600: 120 emulated seconds, the execution now waits for its event
        path = f"/api/v1/workflows/workflows/{approval['uuid']}/execution/{waiting['executionsUuids'][0]}/trigger"
        call("thinklet trigger", "POST", path, 200, {"parameters": {"approved": "yes"}})
        call("thinklet trigger again", "POST", path, 400, {"parameters": {}})
        call("thinklet trigger bad uuid", "POST", "/api/v1/workflows/workflows/x/execution/y/trigger", 400, {})
    if ran:
        time.sleep(0.2)
        q = {"queryId": "#workflow_executions_by_request", "parameters": {"request_id": ran["requestUuid"]}}
        rows = (call("nql workflow executions", "POST", "/api/v2/nql/execute", 200, q) or {}).get("data", [])
        report.check(len(rows) == 1 and set(rows[0]) == WF_ROW_FIELDS, "workflow execution row fields", str(rows[:1]))
        report.check(all(r["status"] in WF_STATUSES for r in rows), "workflow status values", str(rows[:1]))

    trig = {"campaignNqlId": "#csat_after_fix", "userSid": [SID, "S-1-5-21-9-9-9-9"], "expiresInMinutes": 60,
            "parameters": {"ticket": "INC0012345"}}
    sent = call("campaign trigger", "POST", "/api/v1/euf/campaign/trigger", 200, trig)
    call("campaign trigger invalid", "POST", "/api/v1/euf/campaign/trigger", 400, {**trig, "expiresInMinutes": 0})
    call("campaign trigger unknown", "POST", "/api/v1/euf/campaign/trigger", 400, {**trig, "campaignNqlId": "#nope"})
    call("campaign trigger bad parameters", "POST", "/api/v1/euf/campaign/trigger", 400, {**trig, "parameters": {}})
    call("campaign trigger without token", "POST", "/api/v1/euf/campaign/trigger", 401, trig, auth=False)
    if sent:
        report.check([r.get("requestId") is not None for r in sent["requests"]] == [True, False], "campaign per-user answers",
                     str(sent))
        q = {"queryId": "#campaign_responses_by_request", "parameters": {"request_id": sent["requests"][0]["requestId"]}}
        rows = (call("nql campaign responses", "POST", "/api/v2/nql/execute", 200, q) or {}).get("data", [])
        report.check(len(rows) == 1 and rows[0]["user.sid"] == SID, "campaign response row", str(rows[:1]))
    rows = (call("nql campaigns", "POST", "/api/v2/nql/execute", 200, {"queryId": "#campaigns"}) or {}).get("data", [])
    report.check(len(rows) >= 4, "campaigns query lists the seeded campaigns", f"{len(rows)} rows")


def schemathesis(base, token, spec_path, report, name):
    config = pathlib.Path(__file__).with_name("schemathesis.toml")
    cmd = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run", str(spec_path), "--url", base,
           "-H", f"Authorization: Bearer {token}", "--checks", "all", "--max-examples", "25",
           "--phases", "examples,coverage,fuzzing", "--seed", "1", "--suppress-health-check", "all",
           "--no-color", "--request-timeout", "30", "--generation-database", "none"]
    print(f"--- schemathesis: {name}", flush=True)
    result = subprocess.run(cmd, text=True, capture_output=True)
    print(result.stdout[-12000:])
    if result.returncode != 0:
        print(result.stderr[-4000:])
    report.check(result.returncode == 0, f"schemathesis {name}", f"exit {result.returncode}")


def main():
    base, spec_dir, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    report = Report()
    ra, nq = spec_copy.remote_actions(spec_dir), spec_copy.nql(spec_dir)
    scenarios(base, Validator(report, [ra, nq]), report)
    _, _, raw = http(base, "POST", "/api/v1/token", {"Authorization": BASIC}, b"")
    token = json.loads(raw)["access_token"]
    wf, cp = spec_copy.workflows(spec_dir), spec_copy.campaigns(spec_dir)
    automation_scenarios(base, token, Validator(report, [wf, cp, nq]), report)
    data_validator = Validator(report, [nq] + data_apis.specs(spec_dir))

    def data_call(name, method, path, expected, body=None, token=None, headers=None):
        h = dict(headers or {}, **({"Authorization": f"Bearer {token}"} if token else {}))
        status, rh, raw = http(base, method, path, h, body)
        return data_validator.response(name, method, path, status, rh, raw, expected)

    data_apis.scenarios(data_call, http, report, token)
    schemathesis(base, token, spec_copy.write(ra, work / "remote-actions.json"), report, "remote actions")
    schemathesis(base, token, spec_copy.write(nq, work / "nql.json"), report, "nql")
    schemathesis(base, token, spec_copy.write(wf, work / "workflows.json"), report, "workflows")
    schemathesis(base, token, spec_copy.write(cp, work / "campaigns.json"), report, "campaigns")
    for path, name in data_apis.schemathesis_targets(spec_dir, work):
        schemathesis(base, token, path, report, name)
    print(f"{report.passed} passed, {report.failed} failed")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
