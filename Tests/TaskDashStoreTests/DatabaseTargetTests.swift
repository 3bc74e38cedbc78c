import Testing

@testable import TaskDashStore

@Suite struct DatabaseTargetTests {
  @Test func variablesAreTakenInOrder() throws {
    let both = ["TASKDASH_DATABASE_URL": "postgres://a@b/c", "DATABASE_URL": "postgres://d@e/f", "DB_HOST": "x"]
    #expect(DatabaseTarget.fromVariables(both)?.text == "postgres://a@b/c")
    #expect(DatabaseTarget.fromVariables(both)?.variable == "TASKDASH_DATABASE_URL")
    var rest = both
    rest["TASKDASH_DATABASE_URL"] = nil
    #expect(DatabaseTarget.fromVariables(rest)?.text == "postgres://d@e/f")
    rest["DATABASE_URL"] = ""
    #expect(DatabaseTarget.fromVariables(rest)?.variable == "DB_*")
    #expect(DatabaseTarget.fromVariables([:]) == nil)
  }

  @Test func databaseVariablesBuildAQuotedConnectionString() throws {
    let given = try #require(
      DatabaseTarget.fromVariables([
        "DB_HOST": "db.local", "DB_PORT": "5433", "DB_USER": "ops", "DB_PASSWORD": "p'w d\\", "DB_NAME": "agents",
      ]))
    let target = try DatabaseTarget.parse(given.text)
    #expect(target == .postgres(#"host='db.local' port='5433' user='ops' password='p\'w d\\' dbname='agents'"#))
    #expect(!target.description.contains("p'w"))
  }

  @Test func theEmbeddedFileIsUnderXDGDataHome() throws {
    #expect(
      DatabaseTarget.defaultSQLitePath(environment: ["XDG_DATA_HOME": "data", "HOME": "home"])
        == "data/taskdash/taskdash.sqlite")
    #expect(
      DatabaseTarget.defaultSQLitePath(environment: ["HOME": "home"]) == "home/.local/share/taskdash/taskdash.sqlite")
  }

  @Test(arguments: [
    ("sqlite:relative/td.sqlite", DatabaseTarget.sqlite(path: "relative/td.sqlite")),
    ("sqlite:/var/lib/td.sqlite", .sqlite(path: "/var/lib/td.sqlite")),
    ("sqlite:///abs/td.db", .sqlite(path: "/abs/td.db")),
    ("local.db", .sqlite(path: "local.db")),
    ("postgresql://u@h:5432/d?sslmode=require", .postgres("postgresql://u@h:5432/d?sslmode=require")),
    ("host=/run/pg dbname=x", .postgres("host=/run/pg dbname=x")),
  ])
  func connectionStringsGoToTheirBackend(input: String, expected: DatabaseTarget) throws {
    #expect(try DatabaseTarget.parse(input) == expected)
  }

  @Test func anUnusableStringIsRefusedWithoutEchoingIt() {
    #expect(throws: StoreError.self) { try DatabaseTarget.parse("mysql://root:hunter2@db") }
    do {
      _ = try DatabaseTarget.parse("mysql://root:hunter2@db")
    } catch {
      #expect(!String(describing: error).contains("hunter2"))
    }
  }

  @Test(arguments: [
    ("postgres://ops:s3cr%40t@db:5432/agents", "postgres://ops:****@db:5432/agents"),
    ("postgres://db/agents?user=ops&password=s3cr%40t", "postgres://db/agents?user=ops&password=****"),
    ("host=db password=s3cr@t dbname=agents", "host=db password=**** dbname=agents"),
    ("host=db password = 's3 cr\\'@t' dbname=agents", "host=db password = **** dbname=agents"),
    ("postgres://ops@db/agents", "postgres://ops@db/agents"),
  ])
  func displayedTargetsMaskThePassword(input: String, shown: String) {
    #expect(DatabaseTarget.postgres(input).description == shown)
    #expect(!shown.contains("s3"))
  }
}
