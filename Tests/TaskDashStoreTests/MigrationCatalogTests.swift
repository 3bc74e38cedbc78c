import Testing

@testable import TaskDashStore

@Suite struct MigrationCatalogTests {
  @Test func pairsAreParsedAndSortedByVersion() throws {
    let catalog = try MigrationCatalog(files: [
      "0002_add_index.up.sql": "create index", "0002_add_index.down.sql": "drop index",
      "0001_create_schema.up.sql": "create", "0001_create_schema.down.sql": "drop",
    ])
    #expect(catalog.migrations.map(\.version) == [1, 2])
    #expect(catalog.migrations[0].name == "create_schema")
    #expect(catalog.migrations[0].upFileName == "0001_create_schema.up.sql")
    #expect(catalog.latestVersion == 2)
  }

  @Test func aMissingHalfIsRefused() {
    #expect(throws: MigrationError.unpaired(1)) {
      try MigrationCatalog(files: ["0001_create.up.sql": ""])
    }
  }

  @Test(arguments: [
    "1_create.up.sql", "0001-create.up.sql", "0001_Create.up.sql", "0001_create.sql", "0000_zero.up.sql",
  ])
  func badFileNamesAreRefused(name: String) {
    #expect(throws: MigrationError.badFileName(name)) { try MigrationCatalog(files: [name: ""]) }
  }

  @Test func theChecksumIsTheSHA256OfTheUpFile() {
    let migration = Migration(version: 1, name: "x", upSQL: "abc", downSQL: "")
    #expect(migration.checksum == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func bothDialectsShipTheSameVersions() throws {
    let postgres = try MigrationCatalog.embedded(.postgres).migrations.map { "\($0.version)_\($0.name)" }
    let sqlite = try MigrationCatalog.embedded(.sqlite).migrations.map { "\($0.version)_\($0.name)" }
    #expect(postgres == sqlite)
    #expect(!postgres.isEmpty)
  }
}
