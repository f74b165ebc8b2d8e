package be.lokaalsignaal.scan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated pages of ordinary municipal Dutch for the rule benchmark: a site's head, header, navigation and
 * footer around news items and council minutes, with links, lists, tables and inline markup. Words are drawn so
 * that few are frequent and many are rare (function words, everyday municipal nouns, compounds made of them,
 * plurals and inflections), as in real text; now and then a sentence touches the theme, so the rules have work.
 * Seeded: the same size gives the same page.
 */
final class MunicipalDutchPage {

    private static final String[] FUNCTION = ("de het een van in op met voor door naar bij aan over tegen na als dat die "
            + "deze dit is zijn was werd worden wordt heeft hebben had en of maar ook nog al wel niet geen er hier daar "
            + "we wij u je zij ze hij om tot uit onder tussen sinds zonder").split(" ");
    private static final String[] NOUNS = ("gemeente raad college burgemeester schepen budget weg straat riool fiets "
            + "pad verkeer subsidie vereniging sport club bibliotheek dienst inwoner aanvraag vergunning omgeving beslissing "
            + "plan begroting rekening investering onderhoud speelplein kind opvang zorg centrum ouder jongere cultuur "
            + "zwembad parking markt kermis evenement zitting punt bespreking stemming raadslid fractie voorstel afval "
            + "container klimaat energie paneel renovatie premie huurder woning huis mobiliteit bus halte erfgoed kerk "
            + "archief toerisme school leerling ouder buurt wijk plein park boom water gracht brug station trein licht "
            + "lamp bank bord nieuws loket afspraak kalender dag week maand jaar vergadering uitnodiging verslag dossier").split(" ");
    private static final String[] VERBS = ("keurt goed besliste bespreekt plant vraagt antwoordt legt uit stelt voor "
            + "organiseert vernieuwt herstelt ontvangt verleent verdeelt investeert opent sluit start werkt renoveert "
            + "informeert meldt laat weten bevestigt").split(" ");
    private static final String[] ADJECTIVES = ("nieuwe oude grote kleine openbare gemeentelijke lokale veilige groene "
            + "duurzame betaalbare sociale jaarlijkse tijdelijke definitieve belangrijke eerste laatste extra gratis").split(" ");
    private static final String[] THEME = {
        "De preventiedienst herinnert eraan dat seksuele intimidatie nooit oké is.",
        "Wie slachtoffer wordt van seksueel geweld, kan terecht bij 1712.",
        "Het zonaal veiligheidsplan wordt volgend jaar geëvalueerd.",
        "In de cafés op de Markt geldt een nieuw sluitingsuur.",
        "De jeugddienst organiseert een campagne tegen zwerfvuil op de fuiven."};

    private final Random random;
    private final StringBuilder out = new StringBuilder();

    private MunicipalDutchPage(long seed) {
        this.random = new Random(seed);
    }

    /** A whole page of about the given size in characters. */
    static String ofSize(int chars) {
        return new MunicipalDutchPage(chars).build(chars);
    }

    private String build(int chars) {
        head();
        out.append("<main id='inhoud'><h1>Nieuws en verslagen</h1>\n");
        int item = 0;
        while (out.length() < chars - 3000) {
            if (item % 7 == 6) {
                minutes(item);
            } else {
                newsItem(item);
            }
            item++;
        }
        out.append("</main>\n");
        footer();
        return out.toString();
    }

    private void head() {
        out.append("<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Nieuws | Gemeente Voorbeeld</title>"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                + "<link rel='stylesheet' href='/assets/css/main.css'><link rel='icon' href='/favicon.ico'>"
                + "<script src='/assets/js/app.js' defer></script><script>window.dataLayer=window.dataLayer||[];"
                + "function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script></head>\n<body class='page'>"
                + "<a class='skip-link' href='#inhoud'>Naar de inhoud</a><header class='site-header'>"
                + "<a href='/' class='logo'><img src='/assets/img/logo.svg' alt='Gemeente Voorbeeld'></a>"
                + "<nav class='main-nav' aria-label='Hoofdmenu'><ul>");
        for (int i = 0; i < 40; i++) {
            String n = noun();
            out.append("<li class='menu-item'><a href='/").append(n).append("-").append(i).append("'>")
                    .append(capital(n)).append(" en ").append(noun()).append("</a></li>");
        }
        out.append("</ul></nav><form class='search' action='/zoeken'><input type='search' name='q'></form></header>\n");
    }

    private void newsItem(int i) {
        out.append("<article class='teaser'><h2><a href='/nieuws/").append(i).append("'>").append(capital(sentence(6)))
                .append("</a></h2><p class='meta'><time datetime='2024-03-").append(10 + i % 18).append("'>")
                .append(10 + i % 18).append(" maart 2024</time></p>\n");
        int paragraphs = 2 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            out.append("<p>");
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (random.nextInt(60) == 0) {
                    out.append(THEME[random.nextInt(THEME.length)]).append(' ');
                    continue;
                }
                String text = capital(sentence(8 + random.nextInt(14)));
                if (random.nextInt(5) == 0) {
                    int cut = text.indexOf(' ', text.length() / 2);
                    text = cut < 0 ? text : text.substring(0, cut) + " <strong>" + text.substring(cut + 1) + "</strong>";
                }
                if (random.nextInt(6) == 0) {
                    text = text + " Lees <a href='/info/" + noun() + "'>meer over " + noun() + "</a>";
                }
                out.append(text).append(". ");
            }
            out.append("</p>\n");
        }
        if (random.nextInt(3) == 0) {
            out.append("<ul class='opsomming'>");
            for (int l = 0; l < 3 + random.nextInt(3); l++) {
                out.append("<li>").append(capital(sentence(5))).append("</li>");
            }
            out.append("</ul>\n");
        }
        out.append("<p class='tags'><a class='tag' href='/tag/").append(noun()).append("'>").append(noun())
                .append("</a></p></article>\n");
    }

    private void minutes(int i) {
        out.append("<section class='verslag'><h2>Verslag gemeenteraad zitting ").append(i).append("</h2>"
                + "<table class='stemming'><thead><tr><th>Punt</th><th>Onderwerp</th><th>Ja</th><th>Nee</th>"
                + "<th>Onthouding</th></tr></thead><tbody>");
        for (int r = 0; r < 6 + random.nextInt(6); r++) {
            out.append("<tr><td>").append(r + 1).append("</td><td>").append(capital(sentence(7))).append("</td><td>")
                    .append(10 + random.nextInt(15)).append("</td><td>").append(random.nextInt(8)).append("</td><td>")
                    .append(random.nextInt(4)).append("</td></tr>");
        }
        out.append("</tbody></table><p>").append(capital(sentence(20))).append(". ").append(capital(sentence(15)))
                .append(".</p></section>\n");
    }

    private void footer() {
        out.append("<footer class='site-footer'><div class='adres'><strong>Gemeentehuis Voorbeeld</strong><br>"
                + "Marktplein 1<br>1234 Voorbeeld</div><ul class='footer-links'><li><a href='/contact'>Contact</a></li>"
                + "<li><a href='/privacy'>Privacy</a></li><li><a href='/cookies'>Cookies</a></li></ul></footer>"
                + "<script src='/assets/js/cookieconsent.js'></script></body></html>\n");
    }

    private String sentence(int words) {
        List<String> w = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            int r = random.nextInt(100);
            if (r < 45) {
                w.add(FUNCTION[zipf(FUNCTION.length)]);
            } else if (r < 60) {
                w.add(VERBS[random.nextInt(VERBS.length)]);
            } else if (r < 70) {
                w.add(ADJECTIVES[random.nextInt(ADJECTIVES.length)]);
            } else {
                w.add(noun());
            }
        }
        return String.join(" ", w);
    }

    /** A noun, a plural, or a compound of two or three nouns: many distinct words, as in real text. */
    private String noun() {
        String n = NOUNS[zipf(NOUNS.length)];
        int r = random.nextInt(100);
        if (r < 30) {
            n = NOUNS[random.nextInt(NOUNS.length)] + (random.nextBoolean() ? "s" : "") + n;
            if (random.nextInt(5) == 0) {
                n = NOUNS[random.nextInt(NOUNS.length)] + n;
            }
        }
        if (random.nextInt(4) == 0) {
            n = n.endsWith("e") ? n + "n" : n + "en";
        }
        return n;
    }

    /** Low indexes often, high ones rarely. */
    private int zipf(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, u)) - 1);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
