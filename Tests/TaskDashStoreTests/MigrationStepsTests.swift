import Testing

@testable import TaskDashStore

@Suite struct MigrationStepsTests {
  @Test func aScriptWithoutTheMarkerIsOneFinalStep() {
    let steps = MigrationSteps("CREATE TABLE a (id integer);\n-- a comment\nCREATE INDEX ON a (id);")
    #expect(steps.leading.isEmpty)
    #expect(steps.final == "CREATE TABLE a (id integer);\n-- a comment\nCREATE INDEX ON a (id);")
  }

  @Test func everyMarkerLineEndsAStepAndIsDropped() {
    let steps = MigrationSteps(
      """
      ALTER TABLE a ADD CONSTRAINT c CHECK (id > 0) NOT VALID;
      -- taskdash:commit
      ALTER TABLE a VALIDATE CONSTRAINT c;
        -- taskdash:commit  
      CREATE INDEX CONCURRENTLY a_id ON a (id);
      -- taskdash:commit
      ALTER TABLE a RENAME TO b;
      """)
    #expect(
      steps.leading == [
        "ALTER TABLE a ADD CONSTRAINT c CHECK (id > 0) NOT VALID;", "ALTER TABLE a VALIDATE CONSTRAINT c;",
        "CREATE INDEX CONCURRENTLY a_id ON a (id);",
      ])
    #expect(steps.final == "ALTER TABLE a RENAME TO b;")
  }

  @Test func aMarkerInsideALineIsNotOne() {
    let steps = MigrationSteps("SELECT 1; -- taskdash:commit\nSELECT 2;")
    #expect(steps.leading.isEmpty)
  }
}
