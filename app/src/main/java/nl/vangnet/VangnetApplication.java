package nl.vangnet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Starts Vangnet: the help portal, the staff workspace and the APIs in one modular application. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class VangnetApplication {

    public static void main(String[] args) {
        SpringApplication.run(VangnetApplication.class, args);
    }
}
