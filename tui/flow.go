package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
)

// ---- welcome: who is massaged ----

func (m *Model) updateWelcome(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if m.typingName {
		switch k.String() {
		case "enter":
			m.typingName = false
			m.mode = screening.Partner
			return m.startScreening()
		case "esc":
			m.typingName, m.partnerName = false, ""
		case "backspace":
			if r := []rune(m.partnerName); len(r) > 0 {
				m.partnerName = string(r[:len(r)-1])
			}
		default:
			if t := k.Text; t != "" && len([]rune(m.partnerName)) < 40 {
				m.partnerName += routines.Clean(t)
			}
		}
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	case key.Matches(k, m.keys.History):
		return m.openHistory()
	case key.Matches(k, m.keys.Up), key.Matches(k, m.keys.Down):
		m.welcomeCursor = 1 - m.welcomeCursor
	case k.String() == "1":
		m.welcomeCursor = 0
		return m.chooseWho()
	case k.String() == "2":
		m.welcomeCursor = 1
		return m.chooseWho()
	case key.Matches(k, m.keys.Confirm):
		return m.chooseWho()
	}
	return nil
}

func (m *Model) chooseWho() tea.Cmd {
	if m.welcomeCursor == 1 {
		m.typingName = true
		return nil
	}
	m.mode = screening.Self
	return m.startScreening()
}

func (m *Model) viewWelcome() string {
	var b strings.Builder
	b.WriteString(m.st.title.Render("knead · guided back massage") + "\n\n")
	b.WriteString(wrap(Disclaimer, m.textWidth()) + "\n\n")
	b.WriteString("Who is being massaged?\n\n")
	for i, label := range []string{"1  Me (self-massage)", "2  My partner"} {
		if i == m.welcomeCursor {
			b.WriteString(m.st.selected.Render("> "+label) + "\n")
		} else {
			b.WriteString("  " + label + "\n")
		}
	}
	if m.typingName {
		b.WriteString("\nYour partner's name (optional): " + m.partnerName + "█\n")
		b.WriteString(m.st.help.Render("enter continue · esc back") + "\n")
	} else {
		b.WriteString("\n" + m.st.help.Render("↑/↓ or 1/2 choose · enter continue · h history · q quit") + "\n")
	}
	return b.String()
}

// ---- screening: the questionnaire as a form ----

// startScreening looks up the person's remembered answers (in a command:
// that is disk work), then shows the form.
func (m *Model) startScreening() tea.Cmd {
	m.setScreen(screenScreening)
	if m.opts.Journal == nil {
		return m.showForm(nil, time.Time{})
	}
	store, q, mode, name, now := m.opts.Journal, m.opts.Questions, m.mode, m.partnerName, m.opts.Clock.Now()
	return func() tea.Msg {
		p, err := store.Person(name, mode)
		if err != nil {
			return rememberedMsg{}
		}
		a, at, _ := store.StandingAnswers(p.ID, q, now)
		return rememberedMsg{answers: a, at: at}
	}
}

// rememberedMsg brings a person's remembered standing answers.
type rememberedMsg struct {
	answers screening.Answers
	at      time.Time
}

func (m *Model) showForm(kept screening.Answers, at time.Time) tea.Cmd {
	m.formMode = string(m.mode)
	m.formValues = map[string]*string{}
	m.form = ScreeningForm(m.opts.Questions, &m.formMode, m.formValues, kept, at).WithShowHelp(true)
	if w, _ := m.size(); w > 0 {
		m.form = m.form.WithWidth(min(w, 100))
	}
	m.setScreen(screenScreening)
	return m.form.Init()
}

func (m *Model) updateScreening(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(rememberedMsg); ok {
		return m.showForm(r.answers, r.at)
	}
	if m.form == nil {
		return nil // still looking up the remembered answers
	}
	model, cmd := m.form.Update(msg)
	if f, ok := model.(*huh.Form); ok {
		m.form = f
	}
	switch m.form.State {
	case huh.StateAborted:
		return tea.Quit
	case huh.StateCompleted:
		m.mode = screening.Mode(m.formMode)
		m.answers = FormAnswers(m.opts.Questions, m.formValues)
		c, err := m.opts.Questions.Evaluate(m.mode, m.answers, m.opts.Clock.Now())
		if err != nil {
			// Every question is required by the form, so this is a bug;
			// still, never let a broken screening through.
			m.Err = err
			return tea.Quit
		}
		m.form = nil
		return m.afterScreening(c)
	}
	return cmd
}

func (m *Model) viewScreening() string {
	if m.form == nil {
		return ""
	}
	return m.form.View()
}

// afterScreening records the screening and looks up the course (in a
// command: that is disk work), then goes on.
func (m *Model) afterScreening(c screening.Clearance) tea.Cmd {
	m.clearance = c
	if m.opts.Journal == nil {
		return m.proceed(c)
	}
	store, mode, name, q, answers := m.opts.Journal, m.mode, m.partnerName, m.opts.Questions, m.answers
	return func() tea.Msg {
		p, err := store.Person(name, mode)
		if err != nil {
			return courseMsg{err: err}
		}
		if err := store.SaveScreening(p.ID, c); err != nil {
			return courseMsg{person: p, err: err}
		}
		if err := store.SaveStandingAnswers(p.ID, q, answers, c.GivenAt); err != nil {
			return courseMsg{person: p, err: err}
		}
		course, err := store.CourseFor(p.Name, c.GivenAt)
		return courseMsg{person: p, course: course, err: err}
	}
}

// courseMsg brings the person and their course from the journal.
type courseMsg struct {
	person journal.Person
	course journal.Course
	err    error
}

func (m *Model) courseLoaded(msg courseMsg) tea.Cmd {
	if msg.err != nil {
		m.saveWarning = "not saved: " + msg.err.Error()
		m.opts.Journal = nil
	}
	m.person, m.course = msg.person, msg.course
	if msg.err == nil {
		m.opts.SessionNumber = msg.course.Number
	}
	return m.proceed(m.clearance)
}

// proceed shows the result, or goes on to the routine.
func (m *Model) proceed(c screening.Clearance) tea.Cmd {
	if c.Level == screening.Stop || c.Level == screening.Urgent {
		m.setScreen(screenResult)
		return m.bell()
	}
	if m.opts.RoutineID != "" {
		if r, ok := m.opts.Library.Get(m.opts.RoutineID); ok {
			if allowed, why := c.Allows(r); allowed {
				return m.startSession(r)
			} else {
				m.notice = fmt.Sprintf("%s is not available today: %s. Choose another routine.", r.ID, why)
			}
		}
	}
	m.setScreen(screenPicker)
	m.pickerCursor = m.firstAllowed()
	return nil
}

// ---- result: stop or urgent, and no way on ----

func (m *Model) updateResult(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, m.keys.Quit) || key.Matches(k, m.keys.Confirm)) {
		return tea.Quit
	}
	return nil
}

func (m *Model) viewResult() string {
	c := m.clearance
	w := m.textWidth()
	var b strings.Builder
	head := "STOP: no massage today"
	style := m.st.danger
	if c.Level == screening.Urgent {
		head = "URGENT: see a doctor now"
	}
	b.WriteString(style.Render(head) + "\n\n")
	for _, r := range c.Reasons {
		if r.Level != screening.Stop && r.Level != screening.Urgent {
			continue
		}
		b.WriteString(wrap("• "+r.Label+": "+r.Explanation, w) + "\n")
		b.WriteString(m.st.subtle.Render(wrap("  Source: "+r.Source, w)) + "\n")
	}
	for _, a := range c.Advice {
		b.WriteString(wrap("• "+a, w) + "\n")
	}
	b.WriteString("\n" + wrap(c.NextStep(), w) + "\n\n")
	b.WriteString(m.st.help.Render("q quit"))
	return b.String()
}

// ---- picker: allowed routines, locked ones with the reason ----

func (m *Model) firstAllowed() int {
	for i, r := range m.opts.Library.All() {
		if ok, _ := m.clearance.Allows(r); ok {
			return i
		}
	}
	return -1
}

func (m *Model) updatePicker(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	all := m.opts.Library.All()
	move := func(dir int) {
		for i := m.pickerCursor + dir; i >= 0 && i < len(all); i += dir {
			if ok, _ := m.clearance.Allows(all[i]); ok {
				m.pickerCursor = i
				return
			}
		}
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	case key.Matches(k, m.keys.Up):
		move(-1)
	case key.Matches(k, m.keys.Down):
		move(1)
	case key.Matches(k, m.keys.Confirm):
		if m.pickerCursor >= 0 {
			return m.startSession(all[m.pickerCursor])
		}
	}
	return nil
}

func (m *Model) viewPicker() string {
	w := m.textWidth()
	var b strings.Builder
	b.WriteString(m.st.title.Render("Choose a routine") + "  ")
	switch m.clearance.Level {
	case screening.Gentle:
		b.WriteString(m.st.warn.Render("gentle routines only") + "\n")
	default:
		b.WriteString(m.st.ok.Render("screening: clear") + "\n")
	}
	for _, a := range m.clearance.Advice {
		b.WriteString(wrap("• "+a, w) + "\n")
	}
	if m.notice != "" {
		b.WriteString(m.st.warn.Render(wrap(m.notice, w)) + "\n")
	}
	b.WriteString("\n")
	for i, r := range m.opts.Library.All() {
		line := fmt.Sprintf("%-16s %-30s %4s min  %s", r.ID, r.Title, clockMinutes(r), r.Intensity())
		ok, why := m.clearance.Allows(r)
		switch {
		case !ok:
			b.WriteString(m.st.locked.Render(truncate("  "+line, w)) + "\n")
			b.WriteString(m.st.locked.Render(truncate("      locked: "+why, w)) + "\n")
		case i == m.pickerCursor:
			b.WriteString(m.st.selected.Render(truncate("> "+line, w)) + "\n")
		default:
			b.WriteString(truncate("  "+line, w) + "\n")
		}
	}
	if m.pickerCursor < 0 {
		b.WriteString("\n" + wrap("No routine is allowed today.", w) + "\n")
	}
	b.WriteString("\n" + m.st.help.Render("↑/↓ choose · enter start · q quit"))
	return b.String()
}

func clockMinutes(r *routines.Routine) string {
	mins := r.Total().Minutes()
	if mins == float64(int(mins)) {
		return fmt.Sprint(int(mins))
	}
	return fmt.Sprintf("%.1f", mins)
}

// ---- starting a session or a rehearsal ----

func (m *Model) startSession(r *routines.Routine) tea.Cmd {
	s, err := coach.New(r, m.clearance, m.opts.Clock, coach.Options{SessionNumber: m.opts.SessionNumber, CheckInAtSides: m.opts.CheckInAtSides})
	if err != nil {
		m.notice = err.Error()
		m.setScreen(screenPicker)
		return nil
	}
	m.engine = s
	m.setScreen(screenSession)
	if m.opts.Journal == nil {
		return nil
	}
	store, person, course := m.opts.Journal, m.person, m.opts.SessionNumber
	steps, at := len(s.Steps()), m.opts.Clock.Now()
	return func() tea.Msg {
		id, err := store.StartSession(person.ID, r.ID, steps, course, at)
		if err != nil {
			return recordingMsg{err: err}
		}
		return recordingMsg{recorder: store.NewRecorder(id)}
	}
}

// recordingMsg says that the session's row exists and recording can begin.
type recordingMsg struct {
	recorder *journal.Recorder
	err      error
}

func (m *Model) recordingStarted(msg recordingMsg) tea.Cmd {
	if msg.err != nil {
		m.saveWarning = "not saved: " + msg.err.Error()
		return nil
	}
	m.recorder = msg.recorder
	return m.saveLog()
}

// savedMsg reports a journal write.
type savedMsg struct{ err error }

// saveLog hands the engine's new log records to the recorder, in a command.
// Commands run concurrently; the recorder puts batches back in log order.
func (m *Model) saveLog() tea.Cmd {
	s, ok := m.engine.(*coach.Session)
	if !ok || m.recorder == nil {
		return nil
	}
	log := s.Log()
	if len(log) == m.logged {
		return nil
	}
	b := journal.Batch{From: m.logged, Records: log[m.logged:], Summary: s.Summary(), State: s.State()}
	m.logged = len(log)
	rec := m.recorder
	return func() tea.Msg { return savedMsg{err: rec.Write(b)} }
}

func (m *Model) startRehearsal() {
	r, ok := m.opts.Library.Get(m.opts.RoutineID)
	if !ok {
		m.Err = fmt.Errorf("no routine with id %q", m.opts.RoutineID)
		return
	}
	m.opts.Clock = coach.Scaled(m.opts.Clock, m.opts.Speed)
	m.engine = coach.NewRehearsal(r, m.opts.Clock)
	m.setScreen(screenSession)
}

// beginRehearsal goes straight to the first step: nothing is massaged, so
// there is no checklist, side or pain to ask. It runs from Init, so that the
// first step starts with the first frame.
func (m *Model) beginRehearsal() tea.Cmd {
	m.engine.Handle(coach.E(coach.Confirm))
	m.engine.Handle(coach.SideEvent(coach.SideNone))
	return m.apply(coach.RateEvent(0))
}

// ---- helpers ----

func (m *Model) textWidth() int {
	w, _ := m.size()
	return max(min(w-2, 100), 10)
}

// wrap breaks text to width.
func wrap(s string, width int) string {
	return lipgloss.NewStyle().Width(width).Render(s)
}

// truncate cuts a line to width cells.
func truncate(s string, width int) string {
	return lipgloss.NewStyle().MaxWidth(width).Render(s)
}
