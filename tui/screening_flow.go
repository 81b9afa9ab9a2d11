package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/journal"
	"knead/screening"
)

// Screening: the questionnaire as a form.

// startScreening looks up the person's remembered answers (in a command:
// that is disk work), then shows the form.
func (m *Model) startScreening() tea.Cmd {
	m.setScreen(screenScreening)
	m.form = nil
	if m.opts.Journal == nil {
		m.showForm(nil, time.Time{})
		return nil
	}
	store, q, mode, name, now := m.opts.Journal, m.opts.Questions, m.mode, m.partnerName, m.opts.Clock.Now()
	return func() tea.Msg {
		a, at := store.Recall(name, mode, q, now)
		return rememberedMsg{answers: a, at: at}
	}
}

// rememberedMsg brings a person's remembered standing answers.
type rememberedMsg struct {
	answers screening.Answers
	at      time.Time
}

func (m *Model) showForm(kept screening.Answers, at time.Time) {
	recall := func(screening.Mode) (screening.Answers, time.Time) { return kept, at }
	// The welcome screen showed the disclaimer, unless it was skipped.
	m.form = newScreeningForm(m.opts.Questions, m.mode, m.partnerName, recall, m.opts.Mode != "")
	m.setScreen(screenScreening)
}

func (m *Model) updateScreening(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(rememberedMsg); ok {
		m.showForm(r.answers, r.at)
		return nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.form == nil {
		return nil // still looking up the remembered answers
	}
	switch m.form.update(k) {
	case formQuit:
		m.farewell = ErrScreeningCancelled.Error()
		return tea.Quit
	case formLeave:
		if m.opts.Mode == "" {
			m.form = nil
			m.setScreen(screenWelcome)
		}
	case formDone:
		walk := m.form.walk
		c, err := walk.Clearance(m.opts.Clock.Now())
		if err != nil {
			// The walk asks every question that counts, so this is a
			// bug; still, never let a broken screening through.
			m.Err = err
			return tea.Quit
		}
		m.form = nil
		m.fresh = walk.Fresh()
		return m.afterScreening(c)
	}
	return nil
}

func (m *Model) viewScreening() string {
	if m.form == nil {
		return ""
	}
	w, h := m.size()
	return m.form.view(m.st, w, h)
}

// afterScreening records the screening and looks up the course (in a
// command: that is disk work), then goes on.
func (m *Model) afterScreening(c screening.Clearance) tea.Cmd {
	m.clearance = c
	if m.opts.Journal == nil {
		return m.proceed(c)
	}
	store, mode, name, q, fresh := m.opts.Journal, m.mode, m.partnerName, m.opts.Questions, m.fresh
	return func() tea.Msg {
		p, err := store.RecordScreening(name, mode, q, c, fresh)
		if err != nil {
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
				if m.showLimits(r) {
					return nil
				}
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
