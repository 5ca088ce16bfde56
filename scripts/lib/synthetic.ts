/**
 * A synthetic program for benchmarks: `projects` projects in 4 directions and
 * 16 fields, with institutions, technologies, stage histories and about 100
 * metric values per project. Flagged `isSynthetic`, never mixed with real data:
 * it goes into a database of its own (several such programs may share one, each
 * under its own code). Built with set-based SQL (generate_series), not row by row.
 */
import pg from 'pg';

export const syntheticCode = (projects: number) => `SYN-${projects}`;

/** 10 indicators × 10 monthly values = 100 values per project, across every aggregation rule. */
const INDICATORS = [
  ['SYN_USERS', 'COUNT', 'SUM', true],
  ['SYN_MERCHANTS', 'COUNT', 'SUM', true],
  ['SYN_TERMINALS', 'COUNT', 'SUM', true],
  ['SYN_BRANCHES', 'COUNT', 'SUM', true],
  ['SYN_REGIONS', 'COUNT', 'MAX', true],
  ['SYN_PLATFORM', 'COUNT', 'LATEST', true],
  ['SYN_AMOUNT', 'AMOUNT', 'SUM', true],
  ['SYN_MONTHLY_TX', 'COUNT', 'SUM', false],
  ['SYN_MONTHLY_AMOUNT', 'AMOUNT', 'SUM', false],
  ['SYN_SUCCESS_RATE', 'PERCENT', 'SUM', true],
] as const;

export async function buildSyntheticProgram(url: string, projects: number, code = syntheticCode(Math.trunc(projects))): Promise<void> {
  const n = Math.trunc(projects);
  const institutions = Math.max(20, Math.round(n * 1.7));
  const indicatorRows = INDICATORS.map(
    ([c, kind, agg, cumulative], i) => `('${c}', '合成指标 ${i + 1}', 'Synthetic indicator ${i + 1}', '个', '${kind}', '${agg}', ${cumulative}, ${100 + i})`,
  ).join(',\n');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      BEGIN;
      INSERT INTO "Program" (code, name, "nameEn", region, "startDate", "isSynthetic", "lifecycleId")
        SELECT '${code}', '合成基准项目集 ${code}', 'Synthetic benchmark program ${code}', 'synthetic', DATE '2019-12-07', true, id FROM "Lifecycle" WHERE code = 'PILOT';
      CREATE TEMP TABLE syn_stages AS
        SELECT s.code, s.id, s."sortOrder" FROM "LifecycleStage" s JOIN "Lifecycle" l ON l.id = s."lifecycleId" WHERE l.code = 'PILOT';
      INSERT INTO "Direction" ("programId", code, name, "nameEn", "sortOrder")
        SELECT p.id, 'D' || d, '合成方向 ' || d, 'Synthetic direction ' || d, d FROM "Program" p, generate_series(1, 4) d WHERE p.code = '${code}';
      INSERT INTO "Field" ("directionId", code, name, "nameEn", "sortOrder")
        SELECT d.id, d.code || '-' || f, '合成领域 ' || d.code || '-' || f, 'Synthetic field ' || d.code || '-' || f, f
        FROM "Direction" d JOIN "Program" p ON p.id = d."programId", generate_series(1, 4) f WHERE p.code = '${code}';
      INSERT INTO "Technology" (name, "nameEn", sourced)
        SELECT '合成技术 ' || t, 'Synthetic technology ' || t, false FROM generate_series(1, 8) t ON CONFLICT (name) DO NOTHING;
      INSERT INTO "Indicator" (code, "nameZh", "nameEn", unit, kind, aggregation, cumulative, "sortOrder")
        VALUES ${indicatorRows} ON CONFLICT (code) DO NOTHING;
      INSERT INTO "Institution" (name, kind, licensed, "isPlaceholder")
        SELECT '${code} 合成机构 ' || lpad(i::text, 6, '0'), (ARRAY['BANK','PAYMENT_ORG','TECH_COMPANY','OTHER'])[1 + i % 4]::"InstitutionKind", i % 3 = 0, false
        FROM generate_series(1, ${institutions}) i;

      CREATE TEMP TABLE syn_fields AS
        SELECT row_number() OVER (ORDER BY f.id) - 1 AS k, f.id, f."directionId" FROM "Field" f JOIN "Direction" d ON d.id = f."directionId" JOIN "Program" p ON p.id = d."programId" WHERE p.code = '${code}';
      CREATE TEMP TABLE syn_inst AS
        SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM "Institution" WHERE name LIKE '${code} %';
      CREATE TEMP TABLE syn_tech AS
        SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM "Technology" WHERE name LIKE '合成技术 %';

      -- Stages: 25% approved, 30% online, 35% promotion, 7% completed, 3% withdrawn (from approval).
      CREATE TEMP TABLE syn_plan AS
        SELECT g, CASE WHEN g % 100 < 25 THEN 'APPROVED' WHEN g % 100 < 55 THEN 'ONLINE' WHEN g % 100 < 90 THEN 'PROMOTION'
                       WHEN g % 100 < 97 THEN 'COMPLETED' ELSE 'WITHDRAWN' END AS stage
        FROM generate_series(1, ${n}) g;
      INSERT INTO "Project" (code, name, "programId", "directionId", "fieldId", "stageId", "reachedOrder", "approvedAt", scenarios, "isPlaceholder", "updatedAt")
        SELECT '${code}-' || lpad(pl.g::text, 5, '0'), '合成项目 ' || pl.g, p.id, f."directionId", f.id, st.id,
          CASE WHEN pl.stage = 'WITHDRAWN' THEN 1 ELSE st."sortOrder" END, DATE '2019-12-07', '{}', false, now()
        FROM syn_plan pl
          CROSS JOIN "Program" p
          JOIN syn_fields f ON f.k = pl.g % 16
          JOIN syn_stages st ON st.code = pl.stage
        WHERE p.code = '${code}';
      CREATE TEMP TABLE syn_projects AS
        SELECT row_number() OVER (ORDER BY pr.id) - 1 AS k, pr.id, pl.stage, pr."approvedAt",
          CASE WHEN pl.stage IN ('ONLINE','PROMOTION','COMPLETED') THEN DATE '2020-01-01' + (pl.g % 300) END AS "onlineAt",
          CASE WHEN pl.stage IN ('PROMOTION','COMPLETED') THEN DATE '2020-06-01' + (pl.g % 300) END AS "promotionAt",
          CASE WHEN pl.stage = 'COMPLETED' THEN DATE '2021-06-01' + (pl.g % 200) END AS "completedAt",
          CASE WHEN pl.stage = 'WITHDRAWN' THEN DATE '2020-03-01' + (pl.g % 100) END AS "withdrawnAt"
        FROM "Project" pr JOIN syn_plan pl ON pr.code = '${code}-' || lpad(pl.g::text, 5, '0');

      INSERT INTO "ProjectInstitution" ("projectId", "institutionId", role)
        SELECT p.id, i.id, 'LEAD'::"InstitutionRole" FROM syn_projects p JOIN syn_inst i ON i.k = p.k % ${institutions}
        UNION ALL
        SELECT p.id, i.id, 'PARTICIPANT'::"InstitutionRole" FROM syn_projects p JOIN syn_inst i ON i.k = (p.k * 7 + 1) % ${institutions}
        WHERE (p.k * 7 + 1) % ${institutions} <> p.k % ${institutions};
      INSERT INTO "ProjectTechnology" ("projectId", "technologyId")
        SELECT p.id, t.id FROM syn_projects p JOIN syn_tech t ON t.k = p.k % 8
        UNION
        SELECT p.id, t.id FROM syn_projects p JOIN syn_tech t ON t.k = (p.k / 3) % 8 WHERE p.k % 2 = 0;
      INSERT INTO "StageChange" ("projectId", "fromStageId", "toStageId", "effectiveDate", note)
        SELECT h.id, f.id, t.id, h.day, 'synthetic'
        FROM (
          SELECT id, NULL AS from_code, 'APPROVED' AS to_code, "approvedAt" AS day FROM syn_projects
          UNION ALL SELECT id, 'APPROVED', 'ONLINE', "onlineAt" FROM syn_projects WHERE "onlineAt" IS NOT NULL
          UNION ALL SELECT id, 'ONLINE', 'PROMOTION', "promotionAt" FROM syn_projects WHERE "promotionAt" IS NOT NULL
          UNION ALL SELECT id, 'PROMOTION', 'COMPLETED', "completedAt" FROM syn_projects WHERE "completedAt" IS NOT NULL
          UNION ALL SELECT id, 'APPROVED', 'WITHDRAWN', "withdrawnAt" FROM syn_projects WHERE "withdrawnAt" IS NOT NULL) h
          LEFT JOIN syn_stages f ON f.code = h.from_code
          JOIN syn_stages t ON t.code = h.to_code;
      INSERT INTO "Milestone" ("projectId", title, "dueDate", "completedAt")
        SELECT id, '合成里程碑 ' || m, DATE '2020-01-31' + m * 90, CASE WHEN m < 3 THEN DATE '2020-01-20' + m * 90 END
        FROM syn_projects, generate_series(1, 4) m;
      -- Ten monthly values of each of ten indicators: cumulative ones grow, rates stay in 0–100.
      INSERT INTO "MetricValue" ("projectId", "indicatorId", "asOf", value, qualifier, source, "sourceNote")
        SELECT p.id, i.id, (DATE '2020-01-31' + (m || ' month')::interval)::date,
          CASE WHEN i.kind = 'PERCENT' THEN 50 + ((p.k + m) % 50)
               WHEN i.cumulative THEN (p.k % 97 + 1) * (m + 1) * 10
               ELSE (p.k % 13 + 1) * 100 END,
          CASE WHEN (p.k + m) % 20 = 0 THEN 'ABOUT' ELSE 'EXACT' END::"ValueQualifier", 'synthetic', '合成数据，非真实数值'
        FROM syn_projects p CROSS JOIN "Indicator" i CROSS JOIN generate_series(0, 9) m
        WHERE i.code LIKE 'SYN\\_%';
      COMMIT;
      ANALYZE;`);
  } finally {
    await client.end();
  }
}
