"""Conformance of the data routes (issue 12): NQL export files, Enrichment API, Data Management
API. Kept apart from conformance.py so other route families can be added there independently.
"""
import gzip
import time

import spec_copy

DEVICE = {"uid": "2bdb0941-2507-40de-854a-3efa1784b26b", "name": "LAPTOP-02"}
UNKNOWN = "00000000-0000-4000-8000-000000000001"


def specs(spec_dir):
    """The two documents; the data-management copy drops `format: uuid` from a device's `uid`,
    because the same document says a malformed UID is answered per device (`INVALID`, in a
    202) rather than refused, which the schema's format contradicts (docs/emulator.md)."""
    data_management = spec_copy.load(spec_dir, "data-management-api.openapi.json")
    data_management["components"]["schemas"]["DeviceEntry"]["properties"]["uid"].pop("format", None)
    return [spec_copy.load(spec_dir, "enrichment-api.openapi.json"), data_management]


def schemathesis_targets(spec_dir, work):
    return [(spec_copy.write(s, work / f"data-{i}.json"), name)
            for i, (s, name) in enumerate(zip(specs(spec_dir), ["enrichment", "data management"]))]


def scenarios(call, http, report, token):
    export_files(call, http, report, token)
    enrichment(call, report, token)
    deletions(call, report, token)


def export_files(call, http, report, t):
    for compression, check in [("GZIP", lambda raw: gzip.decompress(raw).startswith(b"device.name,")),
                                ("ZSTD", lambda raw: raw[:4] == b"\x28\xb5\x2f\xfd")]:
        started = call(f"export {compression}", "POST", "/api/v1/nql/export", 200,
                       {"queryId": "#devices", "compression": compression}, token=t)
        if not started:
            continue
        time.sleep(0.05)  # --time-scale 600: 30 emulated seconds
        done = call(f"export {compression} status", "GET", f"/api/v1/nql/status/{started['exportId']}", 200, token=t)
        if done and done.get("resultsFileUrl"):
            status, _, raw = http("", "GET", done["resultsFileUrl"])
            report.check(status == 200 and check(raw), f"export {compression} results file", f"{status} {raw[:16]!r}")
            status, _, _ = http("", "GET", done["resultsFileUrl"], {"Authorization": f"Bearer {t}"})
            report.check(status == 400, "results file refuses a bearer token", f"{status}")


def enrichment(call, report, t):
    path = "/api/v1/enrichment/data/fields"

    def item(id_name, value, field, field_value):
        return {"identification": [{"name": id_name, "value": value}], "fields": [{"name": field, "value": field_value}]}

    call("enrich success", "POST", path, 200, {"domain": "conformance", "enrichments": [
        item("device/device/name", "LAPTOP-01", "device/device/#team", "ops"),
        item("user/user/upn", "ann@example.com", "user/user/ad/department", "Finance")]}, token=t)
    partial = call("enrich partial", "POST", path, 207, {"domain": "conformance", "enrichments": [
        item("device/device/name", "LAPTOP-01", "device/device/configuration_tag", "gold"),
        item("device/device/name", "NO-SUCH-PC", "device/device/#team", "x")]}, token=t)
    if partial:
        report.check(len(partial["errors"]) == 1, "enrich partial names the failed object", str(partial))
    call("enrich all failed", "POST", path, 400, {"domain": "conformance", "enrichments": [
        item("device/device/uid", UNKNOWN, "device/device/#team", "x")]}, token=t)
    call("enrich malformed", "POST", path, 400, {"enrichments": []}, token=t)
    call("enrich without token", "POST", path, 401, {"domain": "x", "enrichments": []})
    rows = call("enriched field in #devices", "POST", "/api/v2/nql/execute", 200, {"queryId": "#devices"}, token=t)
    if rows:
        laptop = [r for r in rows["data"] if r.get("device.name") == "LAPTOP-01"]
        report.check(laptop and laptop[0].get("device.#team") == "ops", "enrichment visible in #devices", str(laptop[:1]))


def deletions(call, report, t):
    path = "/api/v1/data-management/device/deletions"
    done = call("delete devices", "POST", path, 202, {"devices": [DEVICE, {"uid": "not-a-uuid", "name": "X"},
                                                                {"uid": UNKNOWN, "name": "GHOST"}]}, token=t)
    if done:
        statuses = [d["status"] for d in done["devices"]]
        report.check(statuses == ["SCHEDULED", "INVALID", "FAILED"], "delete per-device statuses", str(statuses))
    call("delete empty", "POST", path, 400, {"devices": []}, token=t)
    call("delete too many", "POST", path, 400, {"devices": [{"uid": UNKNOWN, "name": "X"}] * 101}, token=t)
    call("delete without token", "POST", path, 401, {"devices": [DEVICE]})
    rows = call("deleted device gone from #devices", "POST", "/api/v2/nql/execute", 200, {"queryId": "#devices"}, token=t)
    if rows:
        report.check(all(r.get("device.name") != DEVICE["name"] for r in rows["data"]), "deletion visible in #devices", "")
