// Package guide is knead's guided flow, written once for both faces: who
// is massaged, whether the pain has settled since a session that went
// badly, the screening, the routine, and the session from the checklist
// to the summary and its record. It decides what is asked next and in
// which words, which actions are valid, and what is recorded; it drives
// the coach engine and writes the journal. The full-screen app (tui) and
// the plain-text one (plain) only draw what it asks and turn keys or lines
// into its actions. It performs no terminal I/O.
package guide

import (
	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
	"knead/sound"
	"knead/voice"
)

// Options configure a run of the guided flow, in either face.
type Options struct {
	Library   *routines.Library
	Questions *screening.Questionnaire
	// Clock drives the session; nil means the system clock.
	Clock coach.Clock
	// Mode is who is massaged; "" asks first.
	Mode        screening.Mode
	PartnerName string
	// RoutineID, when set, skips the routine choice after the screening
	// (when the screening allows it).
	RoutineID string
	// Bell rings the terminal bell on cues, in a pattern for each (full
	// screen): for sound: bell, or tones without a sound player.
	Bell bool
	// Tones plays a distinct tone for each cue; nil plays none.
	Tones *sound.Out
	// TempoTicks adds a soft tick on each tempo pass.
	TempoTicks bool
	// Rehearse plays RoutineID without screening at Speed times speed.
	Rehearse bool
	Speed    float64
	// SessionNumber is the session's place in its course (1 = first);
	// with a journal it comes from the history.
	SessionNumber int
	// CheckInAtSides asks about the pain only when a side is done.
	CheckInAtSides bool
	// Voice speaks the cues and acknowledgements; nil is silent.
	Voice *voice.Speaker
	// Journal records screenings and sessions; nil runs without saving.
	Journal *journal.Store
	// JournalProblem says why there is no journal, for the screen.
	JournalProblem string
	// Warnings are problems found on the way in (a routine file skipped,
	// no voice command, no sound player), a line each, which the screens
	// show until the first step is under way.
	Warnings []string
}
