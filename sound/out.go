package sound

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"knead/proc"
)

// Out plays cues one at a time in the background, so a countdown never
// waits for a sound.
type Out struct {
	player Player
	dir    string
	files  map[Cue]string

	ctx    context.Context
	cancel context.CancelFunc
	wake   chan struct{} // nudges the worker; holds at most one nudge
	done   chan struct{} // closed when the worker has returned
	once   sync.Once

	// turn is held while a tone plays, and by a voice while it speaks.
	turn sync.Mutex

	// now is the clock that dates the waiting cues; a test's own clock.
	now func() time.Time

	mu       sync.Mutex
	queue    []queued
	idle     chan struct{} // closed while nothing is playing or queued
	closed   bool
	failures int
	dropped  int // cues that waited too long and were not played
}

// Open writes every cue's WAV once to a new private temporary directory
// (0700, files 0600) and starts the background worker. Writing the files
// up front means playing a cue costs only starting the player.
func Open(p *Player) (*Out, error) {
	if p == nil {
		return nil, errors.New("no sound player")
	}
	dir, err := os.MkdirTemp("", "knead-sound-")
	if err != nil {
		return nil, err
	}
	files := make(map[Cue]string, len(Cues))
	for _, c := range Cues {
		path := filepath.Join(dir, fileName(c))
		if err := writePrivate(path, WAV(c)); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		files[c] = path
	}
	idle := make(chan struct{})
	close(idle)
	ctx, cancel := context.WithCancel(context.Background())
	o := &Out{
		player: Player{path: p.path, args: append([]string(nil), p.args...), Grace: p.Grace},
		dir:    dir,
		files:  files,
		ctx:    ctx,
		cancel: cancel,
		wake:   make(chan struct{}, 1),
		done:   make(chan struct{}),
		idle:   idle,
		now:    time.Now,
	}
	go o.run()
	return o, nil
}

// fileName names a cue's file after the cue ("step-start.wav"), so a
// player's own messages, or a test, can tell which cue was played.
func fileName(c Cue) string {
	return strings.ReplaceAll(c.String(), " ", "-") + ".wav"
}

// writePrivate creates a file that must not exist yet, readable by the
// user alone.
func writePrivate(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Play queues a cue and returns at once. When too many cues are waiting,
// the least important oldest one is dropped (see admit). A nil *Out is
// silent.
func (o *Out) Play(c Cue) {
	if o == nil || o.files[c] == "" {
		return
	}
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		return
	}
	o.queue = admit(o.queue, queued{cue: c, at: o.now()})
	if isClosed(o.idle) {
		o.idle = make(chan struct{})
	}
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default: // a nudge is already pending
	}
}

// Wait returns true once nothing is playing or queued, or false when max
// passes first. Call it before speaking, so the words follow the tone
// rather than talk over it. A nil or closed *Out is always idle.
func (o *Out) Wait(max time.Duration) bool {
	if o == nil {
		return true
	}
	o.mu.Lock()
	idle := o.idle
	o.mu.Unlock()
	timer := time.NewTimer(max)
	defer timer.Stop()
	select {
	case <-idle:
		return true
	case <-timer.C:
		return false
	}
}

// Floor is a voice's turn to speak: it waits (two seconds at most) for
// the tones queued so far, so that the words follow their tone, then keeps
// the next tones from starting until release is called, so that no tone
// plays over the words. A nil *Out gives the floor at once.
func (o *Out) Floor() (release func()) {
	if o == nil {
		return func() {}
	}
	o.Wait(2 * time.Second)
	o.turn.Lock()
	return o.turn.Unlock
}

// Failures counts the cues whose player failed, hung or could not start.
// They never stop a session, but the count tells whether sound works.
func (o *Out) Failures() int {
	if o == nil {
		return 0
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.failures
}

// Close drops the waiting cues, kills a sound that is playing, waits for
// the worker and removes the temporary directory. It is safe to call more
// than once, and on a nil *Out.
func (o *Out) Close() {
	if o == nil {
		return
	}
	o.once.Do(func() {
		o.mu.Lock()
		o.closed = true
		o.queue = nil
		o.mu.Unlock()
		o.cancel()
		<-o.done
		os.RemoveAll(o.dir)
	})
}

func (o *Out) run() {
	defer close(o.done)
	defer o.markIdle()
	for {
		c, ok := o.next()
		if !ok {
			select {
			case <-o.wake:
				continue
			case <-o.ctx.Done():
				return
			}
		}
		if err := o.play(c); errors.Is(err, errStale) {
			o.mu.Lock()
			o.dropped++
			o.mu.Unlock()
		} else if err != nil {
			o.mu.Lock()
			o.failures++
			o.mu.Unlock()
		}
	}
}

// next takes the oldest waiting cue that is not stale, or reports idle
// when there is none. Stale cues are dropped unplayed: behind a slow
// player, the tones catch up with the session instead of trailing it.
func (o *Out) next() (queued, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := o.now()
	for len(o.queue) > 0 && o.queue[0].stale(now) {
		o.queue = o.queue[1:]
		o.dropped++
	}
	if len(o.queue) == 0 || o.closed {
		if !isClosed(o.idle) {
			close(o.idle)
		}
		return queued{}, false
	}
	c := o.queue[0]
	o.queue = o.queue[1:]
	return c, true
}

// errStale says a cue went stale while it waited for a voice to finish.
var errStale = errors.New("stale")

func (o *Out) markIdle() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !isClosed(o.idle) {
		close(o.idle)
	}
}

// play runs the player on one cue's file and waits for it, killing it if
// it runs well past the cue's length: a hung player must not silence
// every later cue.
func (o *Out) play(q queued) error {
	o.turn.Lock()
	defer o.turn.Unlock()
	// A voice may have held the turn for seconds: a tone that lost its
	// moment meanwhile is dropped rather than heard late.
	o.mu.Lock()
	stale := q.stale(o.now())
	o.mu.Unlock()
	if stale {
		return errStale
	}
	c := q.cue
	ctx, cancel := context.WithTimeout(o.ctx, c.Duration()+o.player.grace())
	defer cancel()
	args := append(append([]string(nil), o.player.args...), o.files[c])
	cmd := exec.CommandContext(ctx, o.player.path, args...)
	proc.OwnGroup(cmd)
	// Standard streams stay unset (the null device): a player's messages
	// would corrupt the terminal interface.
	cmd.WaitDelay = time.Second
	return cmd.Run()
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
