import TaskDashStore
import Testing

@testable import taskdash

/// `${NAME}` in config values.
@Suite struct VariableReferencesTests {
  let variables = ["DB_HOST": "db.internal", "EMPTY": "", "PORT": "5433"]

  @Test func referencesAreReplacedAndEverythingElseIsKept() throws {
    #expect(
      try VariableReferences.expand("host=${DB_HOST} port=${PORT}", variables: variables)
        == "host=db.internal port=5433")
    #expect(try VariableReferences.expand("${MISSING:-5432}/${EMPTY:-x}", variables: variables) == "5432/x")
    #expect(try VariableReferences.expand("${MISSING:-}", variables: variables) == "")
    #expect(try VariableReferences.expand("pa$$word $HOME $", variables: variables) == "pa$word $HOME $")
    #expect(try VariableReferences.expand("no references", variables: [:]) == "no references")
  }

  @Test func anUnsetVariableWithoutAFallbackIsAnErrorNotAnEmptyString() {
    #expect(throws: VariableReferences.Problem(message: "${DB_USER} is not set in the environment")) {
      try VariableReferences.expand("user=${DB_USER}", variables: variables)
    }
    #expect(throws: VariableReferences.Problem(message: "${EMPTY} is not set in the environment")) {
      try VariableReferences.expand("${EMPTY}", variables: variables)
    }
    #expect(throws: VariableReferences.Problem(message: "a ${ is not closed by }")) {
      try VariableReferences.expand("host=${DB_HOST", variables: variables)
    }
    #expect(throws: VariableReferences.Problem.self) { try VariableReferences.expand("${1X}", variables: variables) }
    #expect(throws: VariableReferences.Problem.self) { try VariableReferences.expand("${A-B}", variables: variables) }
  }

  @Test func aTargetWithReferencesIsShownAsWrittenWithItsPasswordMasked() {
    let shown = { VariableReferences.preserving(in: $0, DatabaseTarget.displayText) }
    #expect(shown("postgres://${DB_HOST}/agents") == "postgres://${DB_HOST}/agents")
    #expect(shown("postgres://ops:hunter2@${DB_HOST}/agents") == "postgres://ops:****@${DB_HOST}/agents")
    // A reference where a URL needs a number keeps it from parsing: nothing of it is shown.
    #expect(!shown("postgres://ops:hunter2@db:${DB_PORT}/agents").contains("hunter2"))
    #expect(shown("host=${DB_HOST} password=${DB_PASSWORD}") == "host=${DB_HOST} password=****")
    #expect(shown("sqlite:${HOME}/dev.sqlite") == "sqlite:${HOME}/dev.sqlite")
  }
}
