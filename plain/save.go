package plain

import (
	"knead/coach"
	"knead/journal"
)

// logSaver writes the session's log to the journal after every event. A
// failed write (a full disk) is said once; the session goes on.
type logSaver struct {
	rec     *journal.Recorder
	s       *coach.Session
	p       *Prompter
	written int
	failed  bool
}

func (l *logSaver) save() {
	log := l.s.Log()
	if len(log) == l.written || l.failed {
		return
	}
	err := l.rec.Write(journal.Batch{From: l.written, Records: log[l.written:], Summary: l.s.Summary(), State: l.s.State()})
	l.written = len(log)
	if err != nil {
		l.failed = true
		l.p.Say("Warning: the history could not be written (%v); the session goes on but is not saved.", err)
	}
}
