-- CreateTable
CREATE TABLE "ProgramDataStamp" (
    "programId" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "ProgramDataStamp_pkey" PRIMARY KEY ("programId")
);


-- Bump the stamps of the programs a statement touched. The new version is the
-- larger of the old one plus one and the clock in microseconds, so a stamp never
-- repeats, even after the table is emptied by a reset. Rows are bumped in program
-- order, so two writers lock them in the same order.
-- The function bodies are E'' strings with each semicolon written as \x3B (the
-- migration runner splits scripts at every semicolon).
CREATE FUNCTION "program_data_touch"(program_ids INTEGER[]) RETURNS void
LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ProgramDataStamp" ("programId", version)
    SELECT id, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
    FROM (SELECT DISTINCT id FROM unnest(program_ids) AS t(id) WHERE id IS NOT NULL) ids ORDER BY id
  ON CONFLICT ("programId") DO UPDATE SET version = greatest("ProgramDataStamp".version + 1, EXCLUDED.version)\x3B
END
'
;

-- Rows that name their program.
CREATE FUNCTION "program_data_by_program"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM "program_data_touch"(ARRAY(SELECT "programId" FROM new_rows))\x3B
  ELSIF TG_OP = \'UPDATE\' THEN
    PERFORM "program_data_touch"(ARRAY(SELECT "programId" FROM new_rows UNION SELECT "programId" FROM old_rows))\x3B
  ELSE
    PERFORM "program_data_touch"(ARRAY(SELECT "programId" FROM old_rows))\x3B
  END IF\x3B
  RETURN NULL\x3B
END
'
;

-- Rows of a project: the project's program.
CREATE FUNCTION "program_data_by_project"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM "program_data_touch"(ARRAY(SELECT p."programId" FROM "Project" p WHERE p.id IN (SELECT "projectId" FROM new_rows)))\x3B
  ELSIF TG_OP = \'UPDATE\' THEN
    PERFORM "program_data_touch"(ARRAY(SELECT p."programId" FROM "Project" p
      WHERE p.id IN (SELECT "projectId" FROM new_rows UNION SELECT "projectId" FROM old_rows)))\x3B
  ELSE
    PERFORM "program_data_touch"(ARRAY(SELECT p."programId" FROM "Project" p WHERE p.id IN (SELECT "projectId" FROM old_rows)))\x3B
  END IF\x3B
  RETURN NULL\x3B
END
'
;

-- Fields: their direction's program.
CREATE FUNCTION "program_data_by_direction"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' THEN
    PERFORM "program_data_touch"(ARRAY(SELECT d."programId" FROM "Direction" d WHERE d.id IN (SELECT "directionId" FROM new_rows)))\x3B
  ELSIF TG_OP = \'UPDATE\' THEN
    PERFORM "program_data_touch"(ARRAY(SELECT d."programId" FROM "Direction" d
      WHERE d.id IN (SELECT "directionId" FROM new_rows UNION SELECT "directionId" FROM old_rows)))\x3B
  ELSE
    PERFORM "program_data_touch"(ARRAY(SELECT d."programId" FROM "Direction" d WHERE d.id IN (SELECT "directionId" FROM old_rows)))\x3B
  END IF\x3B
  RETURN NULL\x3B
END
'
;

-- What every program shows: the shared stamp, program 0.
CREATE FUNCTION "program_data_shared"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "program_data_touch"(ARRAY[0])\x3B
  RETURN NULL\x3B
END
'
;

CREATE TRIGGER "program_data_insert" AFTER INSERT ON "Project" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "Project" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "Project" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "Direction" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "Direction" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "Direction" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "PublishedFigure" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "PublishedFigure" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "PublishedFigure" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_program"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "Field" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_direction"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "Field" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_direction"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "Field" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_direction"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "ProjectInstitution" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "ProjectInstitution" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "ProjectInstitution" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "ProjectTechnology" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "ProjectTechnology" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "ProjectTechnology" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "StageChange" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "StageChange" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "StageChange" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "IndicatorSummary" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "IndicatorSummary" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "IndicatorSummary" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_insert" AFTER INSERT ON "ProjectReviewer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_update" AFTER UPDATE ON "ProjectReviewer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_delete" AFTER DELETE ON "ProjectReviewer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "program_data_by_project"();
CREATE TRIGGER "program_data_change" AFTER INSERT OR UPDATE OR DELETE ON "Institution" FOR EACH STATEMENT EXECUTE FUNCTION "program_data_shared"();
CREATE TRIGGER "program_data_change" AFTER INSERT OR UPDATE OR DELETE ON "Technology" FOR EACH STATEMENT EXECUTE FUNCTION "program_data_shared"();
CREATE TRIGGER "program_data_change" AFTER INSERT OR UPDATE OR DELETE ON "Indicator" FOR EACH STATEMENT EXECUTE FUNCTION "program_data_shared"();
CREATE TRIGGER "program_data_change" AFTER INSERT OR UPDATE OR DELETE ON "Lifecycle" FOR EACH STATEMENT EXECUTE FUNCTION "program_data_shared"();
CREATE TRIGGER "program_data_change" AFTER INSERT OR UPDATE OR DELETE ON "LifecycleStage" FOR EACH STATEMENT EXECUTE FUNCTION "program_data_shared"();
CREATE TRIGGER "program_data_change" AFTER INSERT OR UPDATE OR DELETE ON "Program" FOR EACH STATEMENT EXECUTE FUNCTION "program_data_shared"();
