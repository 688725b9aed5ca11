import { describe, expect, it } from "vitest";
import { parseAdHoc } from "./ad-hoc";
import { emptyRow, fieldColumns, isFieldName, rowsOf, targetProblems, toTargets } from "./target-rows";

const problem = (errors: { loc: (string | number)[]; msg: string }[]) => ({ status: 422, title: "Validation failed", detail: "", errors, retryAfter: null });

describe("target rows", () => {
  it("reads a list into rows in position order and back into targets, keeping ids", () => {
    const rows = rowsOf({
      targets: [
        { id: "t2", position: 1, label: "FAB-FS01", client: "Fabrikam", notes: "", fields: { ip: "10.0.0.2" }, psa_company_id: null, psa_config_id: "77" },
        { id: "t1", position: 0, label: "FAB-DC01", client: "Fabrikam", notes: "DC", fields: { ip: "10.0.0.1", os: "2022" }, psa_company_id: "12", psa_config_id: null },
      ],
    });
    expect(rows.map((r) => r.label)).toEqual(["FAB-DC01", "FAB-FS01"]);
    expect(fieldColumns(rows, ["site"])).toEqual(["ip", "os", "site"]);
    expect(toTargets(rows)).toEqual([
      { id: "t1", label: "FAB-DC01", client: "Fabrikam", notes: "DC", fields: { ip: "10.0.0.1", os: "2022" }, psa_company_id: "12", psa_config_id: null },
      { id: "t2", label: "FAB-FS01", client: "Fabrikam", notes: "", fields: { ip: "10.0.0.2" }, psa_company_id: null, psa_config_id: "77" },
    ]);
  });

  it("leaves out blank rows and empty field values, and trims", () => {
    const rows = [{ ...emptyRow(), label: "  CON-DC01 ", client: " Contoso", fields: { ip: "", os: "2019" } }, emptyRow()];
    expect(toTargets(rows)).toEqual([{ label: "CON-DC01", client: "Contoso", notes: "", fields: { os: "2019" }, psa_company_id: null, psa_config_id: null }]);
  });

  it("puts a 422 on its cell, counting past blank rows, and the rest on the form", () => {
    const rows = [{ ...emptyRow(), label: "A" }, emptyRow(), { ...emptyRow(), label: "a" }];
    const p = targetProblems(
      problem([
        { loc: ["body", "targets", "1", "label"], msg: "Value error, “a” repeats “A” (row 1)." },
        { loc: ["body", "name"], msg: "Field required" },
        { loc: ["body", "targets"], msg: "A list needs at least one target." },
      ]),
      rows,
    );
    expect(p.rows.get(2)).toEqual({ label: "“a” repeats “A” (row 1)." });
    expect(p.rows.has(1)).toBe(false);
    expect(p.form).toEqual({ name: "Field required", targets: "A list needs at least one target." });
  });

  it("knows a valid field name", () => {
    expect(isFieldName("ip")).toBe(true);
    expect(isFieldName("site_2")).toBe(true);
    expect(isFieldName("2site")).toBe(false);
    expect(isFieldName("my field")).toBe(false);
  });
});

describe("ad-hoc targets", () => {
  it("reads one per line: label, then optionally the client", () => {
    expect(parseAdHoc("FAB-DC01, Fabrikam\n\n  CON-DC01 \nX,  Contoso, Leeds").map((r) => [r.label, r.client])).toEqual([
      ["FAB-DC01", "Fabrikam"],
      ["CON-DC01", ""],
      ["X", "Contoso, Leeds"],
    ]);
  });
});
