// Package tui is knead's full-screen terminal app: one root Bubble Tea model
// that renders the state of the screening, the routine picker and the
// session engine, and turns keys into engine events. It holds no business
// rule of its own.
package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/guide"
	"knead/routines"
)

// Options configure a run of the app: the guided flow's options.
type Options = guide.Options

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
	screenSettled
)

// Model is the root model of the app.
type Model struct {
	opts   Options
	flow   *guide.Flow
	keys   keyMap
	look   look
	st     styles
	width  int
	height int
	screen screen

	// The welcome screen: the cursor, and the partner's name being typed.
	welcomeCursor int
	typingName    bool
	partnerName   string
	knownPartners []string // named partners of the history, offered by tab
	notice        string

	form         *screeningForm
	pickerCursor int

	tickGen int
	// diagrams caches the drawn back per zone; cleared with the styles.
	diagrams map[routines.Zone][]string
	flash    string // the latest cue or acknowledgement in words
	banner   banner // the latest moment that matters, shown large

	confirmQuit bool
	showHelp    bool
	// heldClock is set when the quit question or the key list paused the
	// step; closing them resumes it.
	heldClock bool

	historyLines  []string
	historyOffset int
	historyFrom   screen

	// ExitCode is the process status after the program ends.
	ExitCode int
	// Err is a problem that ended the app early.
	Err error
}

// New builds the root model.
func New(opts Options) *Model {
	m := &Model{opts: opts, keys: defaultKeyMap(), look: defaultLook(), st: defaultLook().styles(), partnerName: opts.PartnerName}
	f, err := guide.New(opts)
	if err != nil {
		m.Err = err
		return m
	}
	m.flow = f
	m.follow()
	return m
}

// Flow is the guided flow the app draws.
func (m *Model) Flow() *guide.Flow { return m.flow }

// setScreen is the one place the screen changes.
func (m *Model) setScreen(s screen) {
	m.screen = s
	m.confirmQuit, m.showHelp = false, false
}

// Init asks the terminal for its background colour, for light and dark
// styles, and starts a rehearsal's first step with the first frame.
func (m *Model) Init() tea.Cmd {
	if m.flow == nil {
		return tea.Quit
	}
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.flow.Rehearsal() {
		cmds = append(cmds, m.after(m.flow.Begin(), nil))
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
	case tea.BackgroundColorMsg, tea.ColorProfileMsg:
		m.look.notice(msg)
		m.st = m.look.styles()
		m.diagrams = nil
		return m, nil
	case bellMsg:
		return m, nextBell(msg)
	case tickMsg:
		if msg.gen != m.tickGen || m.screen != screenSession {
			return m, nil // a tick from before the last change
		}
		return m, m.after(m.flow.Tick(), nil)
	case signalMsg:
		m.flow.Do(guide.Action{Kind: guide.Interrupt, Status: msg.status})
		m.ExitCode = msg.status
		return m, tea.Quit
	case tea.ResumeMsg:
		// Back from Ctrl-Z: the engine sees the clock jump on the next
		// tick and pauses the step with the gap prompt.
		if m.screen != screenSession {
			return m, nil
		}
		return m, m.after(m.flow.Tick(), nil)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+z" {
			return m, tea.Suspend
		}
		if msg.String() == "ctrl+c" {
			// The session is recorded as interrupted before the program
			// ends; the terminal is restored on the way out.
			m.flow.Do(guide.Action{Kind: guide.Interrupt, Status: 130})
			m.ExitCode = 130
			return m, tea.Quit
		}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && m.screenKeys() != nil {
		// The key list of a screen around the session: any key closes it.
		if m.showHelp {
			m.showHelp = false
			return m, nil
		}
		if k.String() == "?" {
			m.showHelp = true
			return m, nil
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
	case screenSettled:
		return m, m.updateSettled(msg)
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
	if keys := m.screenKeys(); m.showHelp && keys != nil {
		return m.viewKeyList(keys)
	}
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
	case screenSettled:
		return m.viewSettled()
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
	if m.screen != screenSession {
		return nil
	}
	st := m.flow.State()
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
	delay = time.Duration(float64(delay) / m.flow.Options().Speed)
	if delay < time.Millisecond {
		delay = time.Millisecond
	}
	gen := m.tickGen
	return tea.Tick(delay, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}
