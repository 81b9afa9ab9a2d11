package sound

import (
	"encoding/binary"
	"math"
	"testing"
	"time"
)

// decodeWAV parses a RIFF/WAVE file, checking that it is the format the
// package promises, and returns its samples.
func decodeWAV(t *testing.T, b []byte) []int16 {
	t.Helper()
	le := binary.LittleEndian
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("not a RIFF/WAVE file")
	}
	if got := int(le.Uint32(b[4:8])); got != len(b)-8 {
		t.Fatalf("RIFF size %d, file has %d bytes after it", got, len(b)-8)
	}
	var fmtSeen bool
	for rest := b[12:]; len(rest) >= 8; {
		id, size := string(rest[0:4]), int(le.Uint32(rest[4:8]))
		body := rest[8:]
		if size > len(body) {
			t.Fatalf("chunk %q claims %d bytes, %d remain", id, size, len(body))
		}
		body = body[:size]
		switch id {
		case "fmt ":
			if size < 16 {
				t.Fatalf("fmt chunk of %d bytes", size)
			}
			format, channels := le.Uint16(body[0:2]), le.Uint16(body[2:4])
			rate, byteRate := le.Uint32(body[4:8]), le.Uint32(body[8:12])
			align, bits := le.Uint16(body[12:14]), le.Uint16(body[14:16])
			if format != 1 || channels != 1 || rate != SampleRate || bits != 16 ||
				byteRate != SampleRate*2 || align != 2 {
				t.Fatalf("format %d, %d channels, %d Hz, %d bits, %d bytes/s, align %d; want PCM mono %d Hz 16 bit",
					format, channels, rate, bits, byteRate, align, SampleRate)
			}
			fmtSeen = true
		case "data":
			if !fmtSeen {
				t.Fatalf("data chunk before fmt chunk")
			}
			if size%2 != 0 {
				t.Fatalf("data chunk of %d bytes holds no whole number of samples", size)
			}
			samples := make([]int16, size/2)
			for i := range samples {
				samples[i] = int16(le.Uint16(body[2*i:]))
			}
			return samples
		}
		rest = rest[8+size+size%2:]
	}
	t.Fatalf("no data chunk")
	return nil
}

// pitch estimates the frequency of a pure tone from its upward zero
// crossings, placed between samples by linear interpolation, and says how
// many it found.
func pitch(s []int16) (hz float64, crossings int) {
	var first, last float64
	for i := 1; i < len(s); i++ {
		a, b := float64(s[i-1]), float64(s[i])
		if a < 0 && b >= 0 {
			at := float64(i-1) + -a/(b-a)
			if crossings == 0 {
				first = at
			}
			last = at
			crossings++
		}
	}
	if crossings < 2 {
		return 0, crossings
	}
	return float64(crossings-1) * SampleRate / (last - first), crossings
}

func TestWAVNotes(t *testing.T) {
	t.Parallel()
	// Measure only inside the steady part of a note, clear of the fades.
	margin := samplesAt(fade) + samplesAt(time.Millisecond)
	for _, c := range Cues {
		t.Run(c.String(), func(t *testing.T) {
			t.Parallel()
			samples := decodeWAV(t, WAV(c))
			got := time.Duration(float64(len(samples)) / SampleRate * float64(time.Second))
			if diff := (got - c.Duration()).Abs(); diff > time.Millisecond {
				t.Fatalf("WAV lasts %v, Duration says %v", got, c.Duration())
			}
			var at time.Duration
			for i, n := range c.Notes() {
				start, end := samplesAt(at), samplesAt(at+n.Len)
				at += n.Len
				if n.Hz == 0 {
					for j, v := range samples[start:end] {
						if v != 0 {
							t.Fatalf("note %d is a rest, but sample %d is %d", i, start+j, v)
						}
					}
					continue
				}
				hz, crossings := pitch(samples[start+margin : end-margin])
				if crossings < 5 {
					t.Fatalf("note %d (%v Hz): only %d zero crossings in its middle", i, n.Hz, crossings)
				}
				if math.Abs(hz-n.Hz)/n.Hz > 0.02 {
					t.Errorf("note %d sounds at %.1f Hz, want %v Hz", i, hz, n.Hz)
				}
			}
		})
	}
}

// TestWAVFades checks that no note starts or ends with a jump, which would
// be heard as a click.
func TestWAVFades(t *testing.T) {
	t.Parallel()
	for _, c := range Cues {
		samples := decodeWAV(t, WAV(c))
		var at time.Duration
		for i, n := range c.Notes() {
			start, end := samplesAt(at), samplesAt(at+n.Len)
			at += n.Len
			for _, v := range []int16{samples[start], samples[end-1]} {
				if v < -300 || v > 300 {
					t.Errorf("%v note %d: edge sample %d is not faded", c, i, v)
				}
			}
		}
	}
}

func TestWAVUnknownCue(t *testing.T) {
	t.Parallel()
	if samples := decodeWAV(t, WAV(Cue(0))); len(samples) != 0 {
		t.Fatalf("unknown cue rendered %d samples, want none", len(samples))
	}
}
