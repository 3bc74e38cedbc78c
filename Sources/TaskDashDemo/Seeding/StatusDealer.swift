import SeededRandom
import TaskDashModel

/// Deals finished statuses from shuffled copies of the catalog's deck.
///
/// Dealing whole decks, rather than drawing each status independently, guarantees that every
/// status of the deck appears once per deck's length of runs, whatever the seed.
struct StatusDealer {
  private let deck: [RunStatus]
  private var hand: [RunStatus] = []

  init(deck: [RunStatus]) {
    self.deck = deck
  }

  /// The next status.
  mutating func deal(_ random: inout SplitMix64) -> RunStatus {
    if hand.isEmpty { hand = random.shuffled(deck) }
    return hand.removeLast()
  }
}
