package dev.tipflood.scenarios.reader;

import static dev.tipflood.scenarios.reader.ValidationMessagesTest.VALID;
import static dev.tipflood.scenarios.reader.ValidationMessagesTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.DefenceEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timed defence events: read in order, each one action, within the run; every mistake named. */
class DefenceEventsTest {

    @Test
    void eventsReadAsWrittenAndSayWhatTheyDo() {
        var s = Scenarios.parse(VALID + """
                events:
                  - {at: 10s, enable: per-device}
                  - {at: 20s, set: global.rate, to: 50/s}
                  - {at: 25s, set: queue.slots, to: 8}
                  - {at: 30s, disable: per-device}
                """, "t.yaml");
        assertThat(s.events()).extracting(DefenceEvent::describe).containsExactly("at 10s enable per-device",
                "at 20s set global.rate to 50/s", "at 25s set queue.slots to 8", "at 30s disable per-device");
        DefenceEvent set = s.events().get(1);
        assertThat(set.action()).isEqualTo(DefenceEvent.Action.SET);
        assertThat(set.defence()).isEqualTo("global");
        assertThat(set.setting()).isEqualTo("rate");
        assertThat(s.events().get(0).at()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void noEventsByDefault() {
        assertThat(Scenarios.parse(VALID, "t.yaml").events()).isEmpty();
    }

    @Test
    void eachEventNeedsExactlyOneAction() {
        assertThat(errors(VALID + "events:\n  - {at: 10s}\n")).singleElement().asString()
                .contains("events[0]").contains(DefenceEvent.ACTION_EXPECTED);
        assertThat(errors(VALID + "events:\n  - {at: 10s, enable: a, disable: b}\n")).singleElement().asString()
                .contains(DefenceEvent.ACTION_EXPECTED);
    }

    @Test
    void setNeedsADottedSettingAndAValue() {
        assertThat(errors(VALID + "events:\n  - {at: 10s, set: global, to: 5/s}\n")).singleElement().asString()
                .contains("events[0].set").contains("bad value 'global'").contains(DefenceEvent.SET_EXPECTED);
        assertThat(errors(VALID + "events:\n  - {at: 10s, set: global.rate}\n")).singleElement().asString()
                .contains("events[0].to").contains("the new value of 'global.rate'");
        assertThat(errors(VALID + "events:\n  - {at: 10s, enable: a, to: 3}\n")).singleElement().asString()
                .contains("events[0].to").contains("only with set");
    }

    @Test
    void eventsMustFallWithinTheRunAndInOrder() {
        assertThat(errors(VALID + "events:\n  - {at: 31s, enable: a}\n")).singleElement().asString()
                .contains("events[0].at").contains("within the duration (30s)");
        assertThat(errors(VALID + "events:\n  - {at: 20s, enable: a}\n  - {at: 10s, enable: b}\n")).singleElement()
                .asString().contains("events[1].at").contains("in time order");
        assertThat(errors(VALID + "events:\n  - {at: 10s, enable: Bad_Name}\n")).singleElement().asString()
                .contains("events[0].enable").contains(DefenceEvent.NAME_EXPECTED);
        assertThat(errors(VALID + "events:\n  - {at: 10s, enabel: a}\n")).anySatisfy(e ->
                assertThat(e).contains("events[0].enabel"));
    }
}
