package guide

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
)

// Stage is where the flow stands.
type Stage uint8

// Possible Stage values, in the order a run goes through them.
const (
	// Who asks who is massaged (and the partner's name).
	Who Stage = iota
	// Settled asks whether the pain has settled since a session that
	// paused the course.
	Settled
	// Screening is the questionnaire: see Walk.
	Screening
	// Result shows the clearance: the end of the run when it stops or
	// sends to a doctor, else read before the chosen routine.
	Result
	// Picker chooses one of the routines the clearance allows.
	Picker
	// Session runs the engine, from the checklist to the pain after.
	Session
	// Summary shows how the session went; it is recorded.
	Summary
	// Ended means nothing more happens: Exit says the status.
	Ended
)

// ErrScreeningCancelled says the user left the questionnaire before the
// end; no clearance was given.
var ErrScreeningCancelled = errors.New("screening cancelled; no clearance was given")

// engine is what the session stage drives: a session, or a rehearsal.
type engine interface {
	Handle(coach.Event) ([]coach.Cue, error)
	Accepts(coach.Event) bool
	State() coach.State
	Summary() coach.Summary
	Routine() *routines.Routine
}

// Flow is one run of the guided flow.
type Flow struct {
	opts  Options
	clock coach.Clock
	stage Stage

	mode screening.Mode
	name string
	walk *screening.Walk

	clearance screening.Clearance
	// chosen is the routine asked for on the command line, waiting while
	// the screening result is read.
	chosen *routines.Routine
	notice string

	journal  *journal.Store
	person   journal.Person
	course   journal.Course
	settled  bool // the person said the pain has settled since the pause
	recorder sessionWriter
	logged   int
	problem  string
	// saving is the news about saving not yet told: that it failed, or
	// that it works again.
	saving string

	engine    engine
	session   *coach.Session // nil in a rehearsal
	rehearsal bool
	// painBefore is the pain before the start waiting to be confirmed,
	// -1 when none is.
	painBefore int
	voiceSeq   int64

	asked    []string
	exit     int
	farewell string
}

// New starts a flow. A rehearsal begins at once with its first step; a
// session asks who is massaged unless Options.Mode says it.
func New(opts Options) (*Flow, error) {
	if opts.Clock == nil {
		opts.Clock = coach.SystemClock{}
	}
	if opts.Speed <= 0 {
		opts.Speed = 1
	}
	if opts.SessionNumber <= 0 {
		opts.SessionNumber = 1
	}
	f := &Flow{opts: opts, clock: opts.Clock, journal: opts.Journal, painBefore: -1, mode: opts.Mode, name: opts.PartnerName}
	if opts.Rehearse {
		r, ok := opts.Library.Get(opts.RoutineID)
		if !ok {
			return nil, fmt.Errorf("no routine with id %q", opts.RoutineID)
		}
		f.clock = coach.Scaled(opts.Clock, opts.Speed)
		if f.name != "" {
			r = routines.Addressed(r, f.name)
		}
		f.engine, f.rehearsal, f.journal = coach.NewRehearsal(r, f.clock, opts.Speed), true, nil
		if f.mode == "" && r.For == routines.ForPartner {
			// A partner's routine is rehearsed in a partner's words:
			// "switch to the left side", not "turn over".
			f.mode = screening.Partner
		}
		f.stage = Session
		return f, nil
	}
	if opts.Mode != "" {
		if err := f.chooseWho(opts.Mode, opts.PartnerName); err != nil {
			return nil, err
		}
	}
	f.note()
	return f, nil
}

// Stage is where the flow stands.
func (f *Flow) Stage() Stage { return f.stage }

// Options are the options the flow runs with.
func (f *Flow) Options() Options { return f.opts }

// Mode is who is massaged; "" before it is chosen.
func (f *Flow) Mode() screening.Mode { return f.mode }

// Partner says a partner is massaged.
func (f *Flow) Partner() bool { return f.mode == screening.Partner }

// PartnerName is the partner's name, "" when none was given.
func (f *Flow) PartnerName() string { return f.name }

// Kind names what runs, for the user: "rehearsal" or "session".
func (f *Flow) Kind() string {
	if f.rehearsal {
		return "rehearsal"
	}
	return "session"
}

// Rehearsal says nothing is massaged: the steps play for learning.
func (f *Flow) Rehearsal() bool { return f.rehearsal }

// Walk is the questionnaire while the stage is Screening.
func (f *Flow) Walk() *screening.Walk { return f.walk }

// Clearance is the screening's result, from the Result stage on.
func (f *Flow) Clearance() screening.Clearance { return f.clearance }

// Chosen is the routine waiting behind the Result stage, if any.
func (f *Flow) Chosen() *routines.Routine { return f.chosen }

// Notice is a message about the routine choice ("not available today").
func (f *Flow) Notice() string { return f.notice }

// Course is where the session stands in its course (from the journal).
func (f *Flow) Course() journal.Course { return f.course }

// Saving says the session is being recorded; Problem says why not.
func (f *Flow) Saving() bool { return f.journal != nil }

// SaveError is why writing the journal failed during this run, "" when
// it did not.
func (f *Flow) SaveError() string { return f.problem }

// Problem is why the screening or the session is not saved, "" when it is.
func (f *Flow) Problem() string {
	if f.problem != "" || f.rehearsal {
		return f.problem
	}
	if f.journal == nil {
		if f.opts.JournalProblem != "" {
			return f.opts.JournalProblem
		}
		return "the history is not available"
	}
	return ""
}

// Exit is the process status the run ends with: 0; 3 or 4 after a
// screening that stops or sends to a doctor (3 too when the pain has not
// settled); 130 after Ctrl-C, 129 after a closed terminal, 143 after a
// kill.
func (f *Flow) Exit() int { return f.exit }

// Farewell is a line to leave on the terminal after the run, "" for none.
func (f *Flow) Farewell() string { return f.farewell }

// Asked lists every question the flow has put, in order, in its words.
func (f *Flow) Asked() []string { return f.asked }

// note remembers the question now put, for Asked.
func (f *Flow) note() {
	q := f.Question()
	if q != "" && (len(f.asked) == 0 || f.asked[len(f.asked)-1] != q) {
		f.asked = append(f.asked, q)
	}
}

// end ends the run.
func (f *Flow) end(status int, farewell string) {
	f.stage, f.exit, f.farewell = Ended, status, farewell
}

// chooseWho takes who is massaged; then the flow asks whether the pain has
// settled (after a session that paused the course) or goes to screening.
func (f *Flow) chooseWho(mode screening.Mode, name string) error {
	if mode != screening.Self && mode != screening.Partner {
		return fmt.Errorf("choose who is massaged: %s or %s", screening.Self, screening.Partner)
	}
	if mode == screening.Partner {
		if err := journal.CheckNewPartnerName(name); err != nil {
			return err
		}
	} else {
		name = ""
	}
	f.mode, f.name = mode, routines.Clean(name)
	if f.journal != nil {
		// A partner without a name is asked too: the safer reading.
		who := f.remembered()
		if who == "" {
			who = journal.UnnamedPartner
		}
		if c, err := f.journal.CourseFor(who, f.clock.Now()); err == nil && c.Paused {
			f.course = c
			f.stage = Settled
			return nil
		}
	}
	f.startScreening()
	return nil
}

// remembered is the journal's name of the person massaged, "" for a
// partner without a name: different people may hide behind it, so
// nothing about them is carried from one session to the next.
func (f *Flow) remembered() string {
	switch {
	case f.mode == screening.Self:
		return journal.Me
	case f.name != "":
		return f.name
	}
	return ""
}

// LastRoutine is the id of the routine of the last session with the
// person massaged, "" when there is none (or no name to know them by).
func (f *Flow) LastRoutine() string {
	who := f.remembered()
	if f.journal == nil || who == "" {
		return ""
	}
	past, err := f.journal.Sessions(journal.Filter{Person: who})
	if err != nil || len(past) == 0 {
		return ""
	}
	return past[len(past)-1].Routine
}

func (f *Flow) startScreening() {
	var kept screening.Answers
	var at = f.clock.Now()
	if f.journal != nil {
		kept, at = f.journal.Recall(f.name, f.mode, f.opts.Questions, f.clock.Now())
	}
	f.walk = screening.NewWalk(f.opts.Questions, f.mode, f.name, kept, at)
	f.stage = Screening
}

// screened takes the finished questionnaire: it records the screening,
// plans the course, and goes to the result, the routine or the session.
func (f *Flow) screened() error {
	c, err := f.walk.Clearance(f.clock.Now())
	if err != nil {
		// The walk asks every question that counts, so this is a bug;
		// still, never let a broken screening through.
		return err
	}
	f.clearance = c
	if f.journal != nil {
		p, err := f.journal.RecordScreening(f.name, f.mode, f.opts.Questions, c, f.walk.Fresh())
		if err == nil {
			f.person = p
			f.course, err = f.journal.CourseFor(p.Name, c.GivenAt)
			if f.settled {
				f.course = f.course.Settled()
			}
		}
		if err != nil {
			f.problem = "not saved: " + err.Error()
			f.journal = nil
		} else {
			f.opts.SessionNumber = f.course.Number
		}
	}
	if c.Level == screening.Stop || c.Level == screening.Urgent {
		f.stage, f.exit = Result, c.Level.ExitStatus()
		return nil
	}
	if f.opts.RoutineID != "" {
		if r, ok := f.opts.Library.Get(f.opts.RoutineID); ok {
			allowed, why := c.Allows(r)
			switch {
			case allowed && (len(c.Reasons) > 0 || len(c.Advice) > 0):
				f.chosen, f.stage = r, Result
				return nil
			case allowed:
				return f.start(r)
			}
			f.notice = fmt.Sprintf("%s is not available today: %s. Choose another routine.", r.ID, why)
		}
	}
	f.stage = Picker
	return nil
}

// Allowed are the routines the clearance allows, in library order.
func (f *Flow) Allowed() []*routines.Routine {
	return f.clearance.Allowed(f.opts.Library.All())
}

// start builds the session for r, which the clearance must allow, and
// opens its record.
func (f *Flow) start(r *routines.Routine) error {
	if f.Partner() {
		r = routines.Addressed(r, f.name)
	}
	s, err := coach.New(r, f.clearance, f.clock, coach.Options{SessionNumber: f.opts.SessionNumber, CheckInAtSides: f.opts.CheckInAtSides})
	if err != nil {
		f.notice = err.Error()
		f.stage = Picker
		return err
	}
	f.engine, f.session, f.chosen, f.notice = s, s, nil, ""
	f.stage = Session
	if f.journal != nil {
		id, err := f.journal.StartSession(f.person.ID, r.ID, len(s.Steps()), f.opts.SessionNumber, f.clock.Now())
		if err != nil {
			f.problem = "not saved: " + err.Error()
			f.journal = nil
			return nil
		}
		f.recorder = f.journal.NewRecorder(id)
		f.save()
	}
	return nil
}

// sessionWriter writes a session's log into the journal.
type sessionWriter interface {
	Write(journal.Batch) error
	Written() int
}

// saveRetries and saveWait bound the last tries to save a session that
// has ended while the journal could not be written (a full disk).
const (
	saveRetries = 10
	saveWait    = 200 * time.Millisecond
)

// save hands the engine's new log records to the journal. A failed write
// (a full disk) loses nothing: the records stay in the engine's log and
// are written at the next event, and again a few times when the session
// has ended. The user is told once when saving fails, once when it works
// again.
func (f *Flow) save() {
	if f.session == nil || f.recorder == nil {
		return
	}
	failing := f.problem != ""
	for try := 0; ; try++ {
		log := f.session.Log()
		if len(log) == f.logged && f.logged > 0 && !failing {
			return
		}
		err := f.recorder.Write(journal.Batch{From: f.logged, Records: log[f.logged:], Summary: f.session.Summary(), State: f.session.State()})
		f.logged = f.recorder.Written()
		switch {
		case err == nil && failing:
			f.problem = ""
			f.saving = "The history can be written again: the whole session is saved."
			return
		case err == nil:
			return
		case !failing:
			failing = true
			f.problem = "not saved yet: " + err.Error()
			f.saving = "The history could not be written (" + err.Error() + "). knead keeps the session and tries again at every step."
		}
		if f.session.State().Phase != coach.Done || try >= saveRetries {
			return
		}
		time.Sleep(saveWait)
	}
}

// Unsaved tries once more, as knead ends, to write what the journal still
// lacks of the session; when its record is still not whole it says so, in
// a line to print on the way out. "" when everything is saved.
func (f *Flow) Unsaved() string {
	if f.problem == "" || f.session == nil {
		return ""
	}
	f.save()
	if f.problem == "" {
		return ""
	}
	why := strings.TrimPrefix(strings.TrimPrefix(f.problem, "not saved yet: "), "not saved: ")
	return "the history could not be written (" + why + "), so it lacks the end of this session: its last ratings, how it ended and the advice. Free some space; the summary above is the whole record of it"
}

// SavingNews is what to tell the user about saving since it was last
// asked: that it failed, or that it works again; "" when nothing changed.
func (f *Flow) SavingNews() string {
	news := f.saving
	f.saving = ""
	return news
}
