// Command harness measures the built knead binary as a user's terminal sees
// it: in a 100×30 tmux pane whose output is timestamped as it arrives. See
// bench/README.md.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	stamp := flag.String("stamp", "", "internal: timestamp stdin into FILE.log and FILE.raw")
	bin := flag.String("bin", "", "the knead binary to measure")
	runs := flag.Int("runs", 3, "runs of each measurement")
	startupOnly := flag.Bool("startup", false, "measure only the time to the first frame, runs times")
	flag.Parse()
	if *stamp != "" {
		if err := stampInput(*stamp); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "usage: harness -bin PATH [-runs N]")
		os.Exit(2)
	}
	if *startupOnly {
		if err := measureStartup(*bin, *runs); err != nil {
			fmt.Fprintln(os.Stderr, "harness:", err)
			os.Exit(1)
		}
		return
	}
	if err := measure(*bin, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(1)
	}
}

// stampInput copies stdin to PREFIX.raw and logs "unixnano offset length"
// per chunk to PREFIX.log, as the bytes reach the terminal.
func stampInput(prefix string) error {
	raw, err := os.Create(prefix + ".raw")
	if err != nil {
		return err
	}
	defer raw.Close()
	logf, err := os.Create(prefix + ".log")
	if err != nil {
		return err
	}
	defer logf.Close()
	w := bufio.NewWriter(logf)
	defer w.Flush()
	buf := make([]byte, 64<<10)
	offset := 0
	for {
		n, err := os.Stdin.Read(buf)
		if n > 0 {
			fmt.Fprintf(w, "%d %d %d\n", time.Now().UnixNano(), offset, n)
			raw.Write(buf[:n])
			offset += n
			w.Flush()
		}
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

const routines = `id: bench-three
title: Bench three
for: both
area: lumbar
position: Lie down.
steps:
  - {title: One, technique: stroking, zone: lumbar, duration: 20s, intensity: gentle, cue: One.}
  - {title: Two, technique: stroking, zone: lumbar, duration: 20s, intensity: gentle, cue: Two.}
  - {title: Three, technique: stroking, zone: lumbar, duration: 20s, intensity: gentle, cue: Three.}
`

const oneStep = `id: bench-one
title: Bench one
for: both
area: lumbar
position: Lie down.
steps:
  - {title: One minute, technique: stroking, zone: lumbar, duration: 60s, intensity: gentle, cue: Stroke slowly.}
`

// result is one run's figures.
type result struct {
	StartupMS     float64 `json:"startup_ms"`
	EndErrorMS    float64 `json:"end_error_ms"`
	CPUSeconds    float64 `json:"cpu_s"`
	BytesPerSec   float64 `json:"bytes_per_s"`
	PeakRSSMB     float64 `json:"peak_rss_mb"`
	CountdownSecs float64 `json:"countdown_s"`
}

func measure(bin string, runs int) error {
	dir, err := os.MkdirTemp("", "knead-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.MkdirAll(filepath.Join(dir, "config", "routines"), 0o700); err != nil {
		return err
	}
	os.WriteFile(filepath.Join(dir, "config", "routines", "three.yaml"), []byte(routines), 0o600)
	os.WriteFile(filepath.Join(dir, "config", "routines", "one.yaml"), []byte(oneStep), 0o600)
	self, _ := os.Executable()
	var three, one []result
	for i := 0; i < runs; i++ {
		r, err := run(bin, self, dir, "bench-three", 60*time.Second, i)
		if err != nil {
			return err
		}
		three = append(three, r)
		fmt.Fprintf(os.Stderr, "bench-three run %d: %+v\n", i+1, r)
		r, err = run(bin, self, dir, "bench-one", 60*time.Second, i)
		if err != nil {
			return err
		}
		one = append(one, r)
		fmt.Fprintf(os.Stderr, "bench-one run %d: %+v\n", i+1, r)
	}
	report := map[string]float64{
		"end_error_ms (3x20 s routine, from first frame)": median(three, func(r result) float64 { return r.EndErrorMS }),
		"end_error_ms (60 s step, from first frame)":      median(one, func(r result) float64 { return r.EndErrorMS }),
		"cpu_s (60 s step)":                               median(one, func(r result) float64 { return r.CPUSeconds }),
		"bytes_per_s (60 s step)":                         median(one, func(r result) float64 { return r.BytesPerSec }),
		"startup_to_first_frame_ms":                       median(append(three, one...), func(r result) float64 { return r.StartupMS }),
		"peak_rss_mb":                                     median(append(three, one...), func(r result) float64 { return r.PeakRSSMB }),
	}
	out, _ := json.MarshalIndent(report, "", "  ")
	fmt.Println(string(out))
	return nil
}

func median(rs []result, f func(result) float64) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	sort.Float64s(v)
	if len(v) == 0 {
		return 0
	}
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// measureStartup starts knead runs times and reports the median time to its
// first frame.
func measureStartup(bin string, runs int) error {
	dir, err := os.MkdirTemp("", "knead-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	self, _ := os.Executable()
	var rs []result
	for i := 0; i < runs; i++ {
		socket := fmt.Sprintf("knead-startup-%d-%d", os.Getpid(), i)
		prefix := filepath.Join(dir, fmt.Sprintf("startup-%d", i))
		tmux := func(args ...string) (string, error) {
			out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
			return string(out), err
		}
		shell := fmt.Sprintf("read gate; date +%%s%%N > %[1]s.t0; exec env KNEAD_CONFIG_DIR=%[2]s KNEAD_DATA_DIR=%[2]s TERM=xterm-256color %[3]s rehearse lumbar-self --no-bell", prefix, dir, bin)
		if out, err := tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", shell); err != nil {
			return fmt.Errorf("tmux: %v: %s", err, out)
		}
		tmux("pipe-pane", "-o", "-t", "b", fmt.Sprintf("%s -stamp %s", self, prefix))
		time.Sleep(200 * time.Millisecond)
		tmux("send-keys", "-t", "b", "Enter")
		time.Sleep(700 * time.Millisecond)
		tmux("kill-server")
		t0b, _ := os.ReadFile(prefix + ".t0")
		t0, _ := strconv.ParseInt(strings.TrimSpace(string(t0b)), 10, 64)
		logb, _ := os.ReadFile(prefix + ".log")
		raw, _ := os.ReadFile(prefix + ".raw")
		drawn := int64(bytes.Index(raw, []byte("Rehearsal")))
		for _, line := range strings.Split(strings.TrimSpace(string(logb)), "\n") {
			var ts, off, n int64
			fmt.Sscan(line, &ts, &off, &n)
			if ts >= t0 && drawn >= 0 && off+n > drawn {
				rs = append(rs, result{StartupMS: float64(ts-t0) / 1e6})
				break
			}
		}
	}
	fmt.Printf("startup_to_first_frame_ms: median %.1f of %d runs\n", median(rs, func(r result) float64 { return r.StartupMS }), len(rs))
	return nil
}

// run plays one routine as a rehearsal at speed 1 in a fresh tmux server.
func run(bin, self, dir, routine string, planned time.Duration, n int) (result, error) {
	var res result
	socket := fmt.Sprintf("knead-bench-%d-%d", os.Getpid(), n)
	prefix := filepath.Join(dir, fmt.Sprintf("%s-%d", routine, n))
	tmux := func(args ...string) (string, error) {
		out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
		return string(out), err
	}
	defer tmux("kill-server")
	// A gate (read) holds the start until the output is being recorded.
	shell := fmt.Sprintf("read gate; echo $$ > %[1]s.pid; date +%%s%%N > %[1]s.t0; exec env KNEAD_CONFIG_DIR=%[2]s/config KNEAD_DATA_DIR=%[2]s/data TERM=xterm-256color %[3]s rehearse %[4]s --speed 1 --no-bell",
		prefix, dir, bin, routine)
	if out, err := tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", shell); err != nil {
		return res, fmt.Errorf("tmux: %v: %s", err, out)
	}
	if out, err := tmux("pipe-pane", "-o", "-t", "b", fmt.Sprintf("%s -stamp %s", self, prefix)); err != nil {
		return res, fmt.Errorf("pipe-pane: %v: %s", err, out)
	}
	time.Sleep(200 * time.Millisecond)
	tmux("send-keys", "-t", "b", "Enter")
	// Wait for the first frame, then read the CPU used so far.
	var pid int
	var cpuStart float64
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, err := os.ReadFile(prefix + ".pid"); err == nil {
			pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
		if pid > 0 {
			if screen, _ := tmux("capture-pane", "-p", "-t", "b"); strings.Contains(screen, "Rehearsal") {
				cpuStart = cpuSeconds(pid)
				break
			}
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("knead did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	deadline = time.Now().Add(planned + 20*time.Second)
	for {
		if screen, _ := tmux("capture-pane", "-p", "-t", "b"); strings.Contains(screen, "Session summary") {
			break
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("%s did not end", routine)
		}
		time.Sleep(200 * time.Millisecond)
	}
	res.CPUSeconds = cpuSeconds(pid) - cpuStart
	res.PeakRSSMB = peakRSS(pid)
	tmux("send-keys", "-t", "b", "q")
	time.Sleep(300 * time.Millisecond)
	return res, analyse(prefix, planned, &res)
}

// analyse reads the timestamped output: the first frame after the start,
// the frame that shows the summary, and the bytes in between.
func analyse(prefix string, planned time.Duration, res *result) error {
	t0b, err := os.ReadFile(prefix + ".t0")
	if err != nil {
		return err
	}
	t0, _ := strconv.ParseInt(strings.TrimSpace(string(t0b)), 10, 64)
	raw, err := os.ReadFile(prefix + ".raw")
	if err != nil {
		return err
	}
	logb, err := os.ReadFile(prefix + ".log")
	if err != nil {
		return err
	}
	type chunk struct{ ts, off, n int64 }
	var chunks []chunk
	for _, line := range strings.Split(strings.TrimSpace(string(logb)), "\n") {
		var c chunk
		fmt.Sscan(line, &c.ts, &c.off, &c.n)
		chunks = append(chunks, c)
	}
	end := bytes.Index(raw, []byte("Session summary"))
	if end < 0 {
		return fmt.Errorf("no summary in the output")
	}
	// The first frame is the first chunk that draws the screen (its banner),
	// not terminal set-up sequences written before it.
	firstDrawn := bytes.Index(raw, []byte("Rehearsal"))
	if firstDrawn < 0 {
		return fmt.Errorf("no frame in the output")
	}
	var first, last int64
	var countdownBytes int64
	for _, c := range chunks {
		if c.ts < t0 || c.off+c.n <= int64(firstDrawn) {
			continue
		}
		if first == 0 {
			first = c.ts
		}
		if c.off <= int64(end) && int64(end) < c.off+c.n {
			last = c.ts
			break
		}
		countdownBytes += c.n
	}
	if first == 0 || last == 0 {
		return fmt.Errorf("could not find the first or the last frame")
	}
	res.StartupMS = float64(first-t0) / 1e6
	elapsed := time.Duration(last - first)
	res.EndErrorMS = float64(elapsed-planned) / 1e6
	res.CountdownSecs = elapsed.Seconds()
	res.BytesPerSec = float64(countdownBytes) / elapsed.Seconds()
	return nil
}

// cpuSeconds reads user+system time of a process from /proc.
func cpuSeconds(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100 // USER_HZ is 100 on Linux
}

// peakRSS reads VmHWM, the peak resident set, in MB.
func peakRSS(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}
