package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/journal"
	"knead/routines"
)

// Starting a session or a rehearsal.

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
	m.engine = coach.NewRehearsal(r, m.opts.Clock, m.opts.Speed)
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
