// Package tui is knead's full-screen terminal app: one root Bubble Tea model
// that renders the state of the screening, the routine picker and the
// session engine, and turns keys into engine events. It holds no business
// rule of its own.
package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
	"knead/voice"
)

// Options configure a run of the app.
type Options struct {
	Library   *routines.Library
	Questions *screening.Questionnaire
	// Clock drives the session; nil means the system clock.
	Clock coach.Clock
	// Mode is who is massaged; "" asks on the welcome screen.
	Mode        screening.Mode
	PartnerName string
	// RoutineID, when set, skips the picker after screening (if allowed).
	RoutineID string
	// Bell rings the terminal bell on cues.
	Bell bool
	// Rehearse plays RoutineID without screening at Speed times speed.
	Rehearse bool
	Speed    float64
	// SessionNumber is the session's place in its course (1 = first); with
	// a journal it comes from the history.
	SessionNumber int
	// CheckInAtSides asks about the pain only when a side is done.
	CheckInAtSides bool
	// Voice speaks the cues; nil is silent.
	Voice *voice.Speaker
	// Journal records screenings and sessions; nil runs without saving.
	Journal *journal.Store
	// JournalProblem says why there is no journal, for the screen.
	JournalProblem string
}

// engine is what the session screen drives: a real session, or a rehearsal.
type engine interface {
	Handle(coach.Event) ([]coach.Cue, error)
	State() coach.State
	Summary() coach.Summary
	Routine() *routines.Routine
}

type screen uint8

// Possible screen values.
const (
	screenWelcome screen = iota
	screenScreening
	screenResult
	screenPicker
	screenSession
	screenSummary
	screenHistory
)

// Model is the root model of the app.
type Model struct {
	opts   Options
	keys   keyMap
	st     styles
	width  int
	height int
	screen screen

	mode          screening.Mode
	partnerName   string
	welcomeCursor int
	typingName    bool

	form *screeningForm
	// fresh are the screening answers given (not kept from memory).
	fresh screening.Answers
	// pending is the command New prepared, run by Init.
	pending tea.Cmd

	clearance screening.Clearance
	// chosen is the routine asked for on the command line, waiting while
	// the screening result is read.
	chosen       *routines.Routine
	pickerCursor int
	notice       string

	engine  engine
	tickGen int
	// diagrams caches the drawn back per zone; cleared with the styles.
	diagrams map[routines.Zone][]string
	flash    string // the latest cue in words, shown under the title

	confirmQuit bool
	showHelp    bool
	// heldClock is set when the quit question or the key list paused the
	// step; closing them resumes it.
	heldClock bool

	// The journal: who is massaged, their course, and the recorder of the
	// running session with how far the engine's log has been handed to it.
	person      journal.Person
	course      journal.Course
	recorder    *journal.Recorder
	logged      int
	saveWarning string
	// voiceSeq orders utterances handed to the speaker from commands.
	voiceSeq int64

	historyLines  []string
	historyOffset int
	historyFrom   screen

	// farewell is a line left on the terminal after the app closes.
	farewell string

	// ExitCode is the process status after the program ends: 0, or 130
	// after Ctrl-C.
	ExitCode int
	// Err is a problem that ended the app early.
	Err error
}

// New builds the root model.
func New(opts Options) *Model {
	if opts.Clock == nil {
		opts.Clock = coach.SystemClock{}
	}
	if opts.Speed <= 0 {
		opts.Speed = 1
	}
	m := &Model{opts: opts, keys: defaultKeyMap(), st: newStyles(true), mode: opts.Mode, partnerName: opts.PartnerName}
	switch {
	case opts.Rehearse:
		m.startRehearsal()
	case opts.Mode != "":
		m.pending = m.startScreening()
	default:
		m.setScreen(screenWelcome)
	}
	return m
}

// setScreen is the one place the screen changes.
func (m *Model) setScreen(s screen) {
	m.screen = s
	m.confirmQuit, m.showHelp = false, false
}

// Init asks the terminal for its background colour, for light and dark
// styles, and starts the form or the rehearsal.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.pending}
	m.pending = nil
	if m.opts.Rehearse && m.engine != nil {
		cmds = append(cmds, m.beginRehearsal())
	}
	return tea.Batch(cmds...)
}

// Update routes a message: global keys first, then an open prompt, then the
// focused screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.st = newStyles(msg.IsDark())
		m.diagrams = nil
		return m, nil
	case courseMsg:
		return m, m.courseLoaded(msg)
	case recordingMsg:
		return m, m.recordingStarted(msg)
	case savedMsg:
		if msg.err != nil {
			m.saveWarning = "not saved: " + msg.err.Error()
		}
		return m, nil
	case tickMsg:
		if msg.gen != m.tickGen || m.engine == nil {
			return m, nil // a tick from before the last change
		}
		return m, m.apply(coach.E(coach.Tick))
	case tea.ResumeMsg:
		// Back from Ctrl-Z: the engine sees the clock jump on the next
		// tick and pauses the step with the gap prompt.
		if m.screen != screenSession {
			return m, nil
		}
		return m, m.apply(coach.E(coach.Tick))
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+z" {
			return m, tea.Suspend
		}
		if msg.String() == "ctrl+c" {
			if m.engine != nil && m.engine.State().Phase != coach.Done {
				m.engine.Handle(coach.E(coach.Quit))
			}
			m.ExitCode = 130
			return m, tea.Sequence(m.saveLog(), tea.Quit)
		}
	}
	switch m.screen {
	case screenWelcome:
		return m, m.updateWelcome(msg)
	case screenScreening:
		return m, m.updateScreening(msg)
	case screenResult:
		return m, m.updateResult(msg)
	case screenPicker:
		return m, m.updatePicker(msg)
	case screenSession:
		return m, m.updateSession(msg)
	case screenSummary:
		return m, m.updateSummary(msg)
	case screenHistory:
		return m, m.updateHistory(msg)
	}
	return m, nil
}

// View renders the current screen in the alternate screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "knead"
	return v
}

// size is the terminal size, 80×24 until the terminal has told us.
func (m *Model) size() (int, int) {
	if m.width <= 0 || m.height <= 0 {
		return 80, 24
	}
	return m.width, m.height
}

func (m *Model) render() string {
	w, h := m.size()
	return fit(m.renderScreen(), w, h)
}

func (m *Model) renderScreen() string {
	switch m.screen {
	case screenWelcome:
		return m.viewWelcome()
	case screenScreening:
		return m.viewScreening()
	case screenResult:
		return m.viewResult()
	case screenPicker:
		return m.viewPicker()
	case screenSession:
		return m.viewSession()
	case screenSummary:
		return m.viewSummary()
	case screenHistory:
		return m.viewHistory()
	}
	return ""
}

// tickMsg wakes the session screen; gen ties it to the schedule it came
// from so that a stale tick (after a pause or a skip) is dropped.
type tickMsg struct{ gen int }

// scheduleTick arranges the next wake-up: at the next change of the shown
// second, or the next tempo pass, whichever is first, so the countdown is
// redrawn once a second and never drifts.
func (m *Model) scheduleTick() tea.Cmd {
	m.tickGen++
	if m.engine == nil {
		return nil
	}
	st := m.engine.State()
	if st.Frozen {
		return nil
	}
	delay := st.Remaining % time.Second
	if delay == 0 {
		delay = time.Second
	}
	if st.Step != nil && st.Step.Tempo > 0 {
		if toPass := st.Step.Tempo - st.Elapsed%st.Step.Tempo; toPass < delay {
			delay = toPass
		}
	}
	delay = time.Duration(float64(delay) / m.opts.Speed)
	if delay < time.Millisecond {
		delay = time.Millisecond
	}
	gen := m.tickGen
	return tea.Tick(delay, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}
