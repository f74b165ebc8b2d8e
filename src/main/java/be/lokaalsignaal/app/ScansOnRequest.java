package be.lokaalsignaal.app;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.ScanScheduler;
import be.lokaalsignaal.serve.reviews.ScanOnDemand;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Scans asked for by a reviewer, published by the scan scheduler like its own rounds. */
final class ScansOnRequest implements ScanOnDemand {
    private final ScanScheduler scheduler;
    private final Register register;
    private final Clock clock;

    ScansOnRequest(ScanScheduler scheduler, Register register, Clock clock) {
        this.scheduler = scheduler;
        this.register = register;
        this.clock = clock;
    }

    private List<Municipality> inForce() {
        return register.inForceOn(LocalDate.now(clock));
    }

    private static boolean hasWebsite(Municipality m) {
        return m.getWebsite() != null && !m.getWebsite().isBlank();
    }

    @Override
    public Optional<Requested> scanOne(String nisCode) {
        return inForce().stream().filter(m -> m.getNisCode().equals(nisCode)).findFirst()
                .map(m -> hasWebsite(m) ? new Requested(scheduler.scanOne(m), 1) : new Requested(null, 0));
    }

    @Override
    public Requested scanAll() {
        String scanId = scheduler.startRound();
        return new Requested(scanId, (int) inForce().stream().filter(ScansOnRequest::hasWebsite).count());
    }
}
