-- The quarterly progress reports and the regulators' comments written before the supervision
-- cycle move into it without loss. Per program that has reports: a template 季度进展报告（历史）
-- whose one version asks one free-text question, under a retired quarterly schedule that names
-- no stage (so it owes nothing new). Each report that is not retired becomes a return of its
-- quarter, submitted by its author at the time it was written and not yet reviewed. Each
-- comment that is not retired joins, as review notes with its author and time, the submission
-- of the latest report of its project written before it (a comment older than every report of
-- its project stays a comment only). The reports and comments themselves stay as they are.
-- Running it again adds nothing twice.

INSERT INTO "ReturnTemplate" ("programId", "code", "name", "nameEn", "retiredAt")
SELECT DISTINCT p."programId", 'LEGACY_PROGRESS', '季度进展报告（历史）', 'Quarterly progress report (before returns)', CURRENT_TIMESTAMP
FROM "ProgressReport" r
JOIN "Project" p ON p."id" = r."projectId"
WHERE r."retiredAt" IS NULL
ON CONFLICT ("programId", "code") DO NOTHING;

INSERT INTO "ReturnTemplateVersion" ("templateId", "number", "sections")
SELECT t."id", 1, '[{"id":"progress","kind":"TEXT","label":"本季度进展","labelEn":"Progress this quarter","required":true,"maxLength":20000}]'::jsonb
FROM "ReturnTemplate" t
WHERE t."code" = 'LEGACY_PROGRESS'
ON CONFLICT ("templateId", "number") DO NOTHING;

INSERT INTO "ReturnSchedule" ("templateId", "stageCodes", "frequency", "dueDays", "startsOn", "endsOn", "retiredAt")
SELECT t."id", ARRAY[]::TEXT[], 'QUARTERLY', 30,
  MIN(make_date(left(r."period", 4)::INT, (substr(r."period", 7, 1)::INT - 1) * 3 + 1, 1)),
  (MAX(make_date(left(r."period", 4)::INT, (substr(r."period", 7, 1)::INT - 1) * 3 + 1, 1)) + INTERVAL '3 months' - INTERVAL '1 day')::DATE,
  CURRENT_TIMESTAMP
FROM "ReturnTemplate" t
JOIN "Project" p ON p."programId" = t."programId"
JOIN "ProgressReport" r ON r."projectId" = p."id" AND r."retiredAt" IS NULL
WHERE t."code" = 'LEGACY_PROGRESS'
  AND NOT EXISTS (SELECT 1 FROM "ReturnSchedule" s WHERE s."templateId" = t."id")
GROUP BY t."id";

INSERT INTO "Return" ("projectId", "templateId", "scheduleId", "period", "templateVersionId", "status", "answers", "firstSubmittedAt", "createdAt", "updatedAt")
SELECT r."projectId", t."id", s."id", r."period", v."id", 'SUBMITTED', jsonb_build_object('progress', r."body"), r."createdAt", r."createdAt", CURRENT_TIMESTAMP
FROM "ProgressReport" r
JOIN "Project" p ON p."id" = r."projectId"
JOIN "ReturnTemplate" t ON t."programId" = p."programId" AND t."code" = 'LEGACY_PROGRESS'
JOIN "ReturnTemplateVersion" v ON v."templateId" = t."id" AND v."number" = 1
JOIN "ReturnSchedule" s ON s."templateId" = t."id"
WHERE r."retiredAt" IS NULL
ON CONFLICT ("projectId", "templateId", "period") DO NOTHING;

INSERT INTO "ReturnSubmission" ("returnId", "number", "answers", "submittedById", "submittedAt", "reviewNote")
SELECT ret."id", 1, ret."answers", r."authorId", r."createdAt",
  COALESCE((
    SELECT string_agg(c."body" || ' （' || u."name" || '，' || to_char(c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '）', E'\n' ORDER BY c."createdAt", c."id")
    FROM "Comment" c
    JOIN "User" u ON u."id" = c."authorId"
    WHERE c."projectId" = r."projectId" AND c."retiredAt" IS NULL AND c."createdAt" >= r."createdAt"
      AND NOT EXISTS (
        SELECT 1 FROM "ProgressReport" later
        WHERE later."projectId" = r."projectId" AND later."retiredAt" IS NULL
          AND later."createdAt" <= c."createdAt"
          AND (later."createdAt" > r."createdAt" OR (later."createdAt" = r."createdAt" AND later."id" > r."id"))
      )
  ), '')
FROM "ProgressReport" r
JOIN "Project" p ON p."id" = r."projectId"
JOIN "Return" ret ON ret."projectId" = r."projectId" AND ret."period" = r."period"
JOIN "ReturnTemplate" t ON t."id" = ret."templateId" AND t."code" = 'LEGACY_PROGRESS'
WHERE r."retiredAt" IS NULL
ON CONFLICT ("returnId", "number") DO NOTHING;
