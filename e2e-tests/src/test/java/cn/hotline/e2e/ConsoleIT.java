package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser against the real processes: the operator's keyboard-only intake through a
 * Keycloak sign-in, the commander's live board turning yellow, orange and red as a shortened sign timer runs out,
 * and the MANUAL queue and return review done on the board.
 */
class ConsoleIT {

    private static final Duration UI = Duration.ofSeconds(30);
    private static Hotline hotline;
    private static String console;

    @BeforeAll
    static void startSuite() throws Exception {
        Suite suite = Suite.get();
        hotline = new Hotline(suite);
        console = suite.console();
    }

    /**
     * The realm's notify-service client (what deploy/local gives notify when Keycloak runs): client credentials give
     * a token with role service that routing and intake accept for what notify does, and for nothing a person does.
     */
    @Test
    void theRealmsNotifyServiceClientGetsAServiceTokenTheServicesAcceptForNotifysCallsOnly() throws Exception {
        Suite suite = Suite.get();
        String tokenUrl = suite.issuer() + "/protocol/openid-connect/token";
        io.restassured.RestAssured.given().auth().preemptive().basic("notify-service", "wrong-secret")
                .formParam("grant_type", "client_credentials").when().post(tokenUrl).then().statusCode(401);
        String token = io.restassured.RestAssured.given().auth().preemptive().basic("notify-service", "local-notify-secret")
                .formParam("grant_type", "client_credentials").when().post(tokenUrl).then().statusCode(200)
                .extract().path("access_token");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"service\"]");

        io.restassured.RestAssured.given().auth().oauth2(token).when()
                .get(hotline.url("routing", "/api/v1/directory/units/330523-ENFORCEMENT")).then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(token).when()
                .get(hotline.url("intake", "/api/v1/citizen/tickets/" + java.util.UUID.randomUUID() + "/contact"))
                .then().statusCode(404);
        // Nothing a person's desk does: the queue, a ticket list, a sign as if it were the handler.
        io.restassured.RestAssured.given().auth().oauth2(token).queryParam("queue", "MANUAL").when()
                .get(hotline.url("routing", "/api/v1/dispatches")).then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(token).when()
                .get(hotline.url("intake", "/api/v1/tickets")).then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json").body("{}").when()
                .post(hotline.url("routing", "/api/v1/dispatches/" + java.util.UUID.randomUUID() + "/sign"))
                .then().statusCode(403);
    }

    @Test
    void operatorRegistersAnUrgentCallWithTheKeyboardOnlyAndADoubleSubmitMakesOneTicket() throws Exception {
        String phone = Hotline.freshPhone();
        String earlier = hotline.createTicket(ticket("PHONE", "NORMAL", "020201", "楼下工地夜间施工噪声", phone)).getString("number");

        String readNumber;
        try (Browser browser = Browser.open(console)) {
            browser.signIn("operator", "/intake");
            browser.waitFor(By.id("call-form"), UI);
            assertThat(browser.focusedId()).as("the form opens with the phone field focused").isEqualTo("phone");
            browser.keys(phone);
            browser.keys(Keys.TAB, "李四", Keys.TAB, Keys.TAB, Keys.TAB, Keys.SPACE, Keys.TAB);
            assertThat(browser.focusedId()).isEqualTo("category-search");
            browser.keys("施工噪声");
            browser.keys(Keys.ENTER);
            assertThat(browser.driver.findElement(By.id("categoryCode")).getAttribute("value")).isEqualTo("020201");
            browser.keys(Keys.TAB, "安吉县昌硕街道胜利西路", Keys.TAB, "工地夜里还在施工，噪声很大，已经持续一周");
            await("caller history shows the earlier ticket").atMost(UI)
                    .until(() -> browser.driver.findElement(By.id("history")).getText().contains(earlier));
            await("the duplicate hint names the earlier ticket").atMost(UI).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.id("outlook-duplicates")).getText().contains(earlier));
            assertThat(browser.driver.findElement(By.id("outlook-lead")).getText()).contains("综合行政执法局");
            assertThat(browser.shots("intake-form")).as("no horizontal scroll at 390 px").isTrue();

            browser.keys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            browser.keys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            String number = await("the number to read out").atMost(UI).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.id("ticket-number")).getText(), n -> n.matches("HZ\\d{14}"));
            assertThat(number).isNotEqualTo(earlier);
            assertThat(browser.shots("intake-created")).as("intake-created: no horizontal scroll at 390 px").isTrue();

            browser.driver.navigate().refresh();
            browser.waitFor(By.id("call-form"), UI);
            assertThat(browser.driver.findElement(By.id("content")).getAttribute("value")).contains("已经持续一周");
            browser.keys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            await("a reload and re-submit answers the same ticket").atMost(UI).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.id("ticket-number")).getText(), number::equals);
            readNumber = number;
        }
        String number = readNumber;
        List<Map<String, Object>> tickets = as("operator").queryParam("callerPhone", phone).when()
                .get(hotline.url("intake", "/api/v1/tickets")).then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(tickets).as("the earlier ticket and exactly one new one").hasSize(2);
        Map<String, Object> created = tickets.stream().filter(t -> !earlier.equals(t.get("number"))).findFirst().orElseThrow();
        assertThat(created.get("urgency")).isEqualTo("URGENT");
        assertThat(created.get("number")).isEqualTo(number);
        assertThat(String.valueOf(created.get("flags"))).contains("POSSIBLE_DUPLICATE");
    }

    @Test
    void theBoardShowsANewTicketLiveAndColoursItAsTheSignTimerRunsOut() throws Exception {
        installDrillPolicy();
        try (Browser browser = Browser.open(console)) {
            browser.signIn("dispatcher", "/board?urgency=URGENT");
            browser.waitFor(By.id("board-table"), UI);
            await("the live stream is up").atMost(UI)
                    .until(() -> "up".equals(browser.driver.findElement(By.id("live-status")).getAttribute("data-live")));
            Object loadedAt = browser.js("return performance.timeOrigin;");

            // A warm-up ticket first: the measure is of the live path of a running centre, not of cold JVMs.
            String warmUp = hotline.createTicket(ticket("WEB", "URGENT", "020201", "路灯不亮，夜间行人看不清路",
                    Hotline.freshPhone())).getString("id");
            await("the warm-up ticket appears").atMost(UI).pollInterval(Duration.ofMillis(100))
                    .until(() -> !browser.driver.findElements(By.cssSelector("tr[data-ticket-id='" + warmUp + "']")).isEmpty());

            long before = System.currentTimeMillis();
            String ticketId = hotline.createTicket(ticket("WEB", "URGENT", "020201", "小区门口井盖缺失，有人差点掉下去",
                    Hotline.freshPhone())).getString("id");
            long created = System.currentTimeMillis();
            java.util.concurrent.CompletableFuture<Long> dispatched = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                hotline.awaitDispatch(ticketId, "assigned", d -> "ASSIGNED".equals(d.get("state")));
                return System.currentTimeMillis();
            });
            By row = By.cssSelector("tr[data-ticket-id='" + ticketId + "']");
            await("the new ticket appears on the board without a reload").atMost(UI).pollInterval(Duration.ofMillis(50))
                    .until(() -> !browser.driver.findElements(row).isEmpty());
            long appeared = System.currentTimeMillis();
            System.out.printf("board: the ticket appeared %d ms after the call was registered (intake answered in %d ms,"
                    + " routing had the dispatch after %d ms)%n", appeared - created, created - before,
                    dispatched.get(60, java.util.concurrent.TimeUnit.SECONDS) - created);

            By countdown = By.cssSelector("tr[data-ticket-id='" + ticketId + "'] .countdown");
            for (String colour : List.of("yellow", "orange", "red")) {
                await("the countdown turns " + colour).atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> browser.driver.findElement(countdown).getAttribute("data-sla"), colour::equals);
                assertThat(browser.shots("board-" + colour)).as("board: no horizontal scroll at 390 px").isTrue();
            }
            assertThat(browser.js("return performance.timeOrigin;")).as("never reloaded").isEqualTo(loadedAt);
            assertThat(browser.driver.findElement(row).getText()).contains("超时");
            // The map colours the ticket's county by the worst of its open dispatches, as the countdowns do.
            String county = browser.driver.findElement(row).getAttribute("data-county");
            await("the map's county is coloured like the worst of its rows").atMost(UI).ignoreExceptions().until(() -> {
                Object worst = browser.js("""
                        var rank = {none: 0, green: 1, yellow: 2, orange: 3, red: 4}, worst = 'none';
                        document.querySelectorAll("#board-table tr[data-county='" + arguments[0] + "'] .countdown").forEach(function (c) {
                          var s = c.getAttribute('data-sla'); if (rank[s] > rank[worst]) { worst = s; } });
                        var path = document.querySelector("#board-map path[data-county='" + arguments[0] + "']");
                        return path && path.getAttribute('data-sla') === worst ? worst : null;""", county);
                return "red".equals(worst);
            });
        }
    }

    @Test
    void theCommanderAssignsAManualTicketAndReviewsAReturn() throws Exception {
        String manualTicket = hotline.createTicket(ticket("PHONE", "NORMAL", null, "想咨询一下老旧小区加装电梯的补贴政策",
                Hotline.freshPhone())).getString("id");
        Map<String, Object> manual = hotline.awaitDispatch(manualTicket, "in the MANUAL queue", d -> "MANUAL".equals(d.get("queue")));

        String returnedTicket = hotline.createTicket(ticket("PHONE", "NORMAL", "020201", "夜间施工噪声扰民", Hotline.freshPhone()))
                .getString("id");
        Map<String, Object> auto = hotline.awaitDispatch(returnedTicket, "assigned", d -> "ASSIGNED".equals(d.get("state")));
        String unit = (String) ((Map<?, ?>) auto.get("lead")).get("unitCode");
        String person = (String) hotline.onDuty(unit).get(0).get("personId");
        Map<String, Object> giveBack = new LinkedHashMap<>();
        giveBack.put("reasonCode", "NOT_OUR_JURISDICTION");
        giveBack.put("note", "属街道职责");
        String firstUnitsLink = fieldToken((String) auto.get("id"), person).split(":")[1];
        hotline.act(Hotline.asHandler(person, unit), (String) auto.get("id"), "return", giveBack);

        try (Browser browser = Browser.open(console)) {
            browser.signIn("dispatcher", "/board?queue=MANUAL");
            String manualId = (String) manual.get("id");
            browser.click(By.cssSelector("#row-" + manualId + " button"), UI);
            Select units = new Select(browser.waitFor(By.id("unit-" + manualId), UI));
            String chosen = units.getOptions().get(0).getAttribute("value");
            units.selectByValue(chosen);
            assertThat(browser.shots("board-manual-assign")).as("board-manual-assign: no horizontal scroll at 390 px").isTrue();
            browser.driver.findElement(By.cssSelector("#act-" + manualId + " button[type=submit]")).click();
            hotline.awaitDispatchState(manualId, "ASSIGNED");
            assertThat(hotline.dispatch(manualId).getString("lead.unitCode")).isEqualTo(chosen);

            browser.get("/board?state=RETURNED");
            String returnedId = (String) auto.get("id");
            browser.click(By.cssSelector("#row-" + returnedId + " button.secondary"), UI);
            Select next = new Select(browser.waitFor(By.id("unit-" + returnedId), UI));
            String other = next.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.equals(unit))
                    .findFirst().orElseThrow();
            next.selectByValue(other);
            assertThat(browser.shots("board-return-review")).as("board-return-review: no horizontal scroll at 390 px").isTrue();
            browser.driver.findElement(By.cssSelector("#act-" + returnedId + " button[type=submit]")).click();
            hotline.awaitDispatchState(returnedId, "REASSIGNED");
            hotline.awaitDispatch(returnedTicket, "re-dispatched to the chosen unit",
                    d -> "ASSIGNED".equals(d.get("state")) && other.equals(((Map<?, ?>) d.get("lead")).get("unitCode")));

            // The first unit's field link no longer acts on work that is now another unit's.
            browser.get("/m/" + firstUnitsLink);
            assertThat(browser.waitFor(By.id("refused"), UI).getText()).contains("已改派");
        }
    }

    @Test
    void everyPageLabelsItsInputsShowsWhereTheFocusIsAndFitsAPhone() throws Exception {
        Map<String, Object> t = ticket("PHONE", "NORMAL", "020201", "小区门口夜市油烟扰民", Hotline.freshPhone());
        String ticketId = hotline.createTicket(t).getString("id");
        Map<String, Object> dispatch = hotline.awaitDispatch(ticketId, "assigned", d -> "ASSIGNED".equals(d.get("state")));
        String dispatchId = (String) dispatch.get("id");
        String token = fieldToken(dispatchId, hotline.dispatch(dispatchId).getString("handlerId")).split(":")[1];
        Map<String, List<String>> problems = new LinkedHashMap<>();
        try (Browser browser = Browser.open(console)) {
            browser.signIn("operator", "/intake");
            accessible(browser, "/intake", By.id("phone"), "intake-form", problems);
            accessible(browser, "/followups", By.tagName("h1"), "followups", problems);
        }
        try (Browser browser = Browser.open(console)) {
            browser.signIn("supervisor", "/board");
            accessible(browser, "/board", By.id("board"), "board", problems);
            accessible(browser, "/cockpit", By.tagName("h1"), "cockpit", problems);
            accessible(browser, "/cockpit/report?period=month", By.tagName("h1"), "monthly-report", problems);
            accessible(browser, "/tickets/" + ticketId, By.tagName("h1"), "ticket", problems);
        }
        try (Browser browser = Browser.open(console)) {
            browser.signIn("handler", "/tasks");
            accessible(browser, "/tasks", By.tagName("h1"), "tasks", problems);
            accessible(browser, "/m/" + token, By.id("field-number"), "field", problems);
        }
        assertThat(problems).as("pages with unlabelled inputs, an invisible focus, a horizontal scroll at 390 px"
                + " or a Content-Security-Policy violation").isEmpty();
    }

    private static void accessible(Browser browser, String path, By ready, String shot, Map<String, List<String>> problems)
            throws Exception {
        browser.cspViolations();
        browser.get(path);
        browser.waitFor(ready, UI);
        List<String> found = new ArrayList<>(browser.accessibilityProblems(25));
        browser.cspViolations().forEach(v -> found.add("CSP violation: " + v));
        browser.get(path);
        browser.waitFor(ready, UI);
        if (!browser.shots(shot)) {
            found.add("horizontal scroll at 390 px");
        }
        browser.cspViolations().forEach(v -> found.add("CSP violation: " + v));
        if (!found.isEmpty()) {
            problems.put(path, found);
        }
    }

    @Test
    void aStoredScriptInAComplaintShowsAsTextOnTheTicketPageAndTheBoardUnderTheConsolesCsp() throws Exception {
        String payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        Map<String, Object> t = ticket("PHONE", "URGENT", "020201", "投诉内容 " + payload + " 请核实", Hotline.freshPhone());
        // The point places it in 安吉县 however the address reads (an unplaced ticket would add a county-less group
        // to the cockpit).
        t.put("location", Map.of("lat", 30.64, "lon", 119.68, "address", "安吉县" + payload + "胜利西路"));
        String ticketId = hotline.createTicket(t).getString("id");
        hotline.awaitDispatch(ticketId, "dispatched", d -> d.get("id") != null);
        try (Browser browser = Browser.open(console)) {
            browser.signIn("dispatcher", "/tickets/" + ticketId);
            browser.cspViolations();
            browser.get("/tickets/" + ticketId);
            String page = browser.waitFor(By.tagName("main"), UI).getText();
            assertThat(page).as("the content and the address, as text").contains("投诉内容 " + payload + " 请核实")
                    .contains("安吉县" + payload + "胜利西路");
            assertNothingRan(browser);
            String csp = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "fetch(location.pathname).then(function (r) { done(r.headers.get('content-security-policy')); });");
            assertThat(csp).as("the ticket page's Content-Security-Policy")
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");

            browser.get("/board?urgency=URGENT");
            By row = By.cssSelector("tr[data-ticket-id='" + ticketId + "']");
            await("the ticket's row on the board").atMost(UI).ignoreExceptions()
                    .until(() -> browser.driver.findElement(row).getText(), text -> text.contains("<script>alert(1)</script>"));
            assertNothingRan(browser);
            assertThat(browser.cspViolations()).as("CSP violations on the ticket page and the board").isEmpty();
        }
    }

    /** No alert opened and no element the payload would have made exists: it stayed text. */
    private static void assertNothingRan(Browser browser) {
        try {
            throw new AssertionError("the payload ran: an alert says " + browser.driver.switchTo().alert().getText());
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
            // as it should be
        }
        assertThat(browser.js("return document.querySelectorAll('main img[src=\"x\"], main script').length;"))
                .as("elements made from the payload").isEqualTo(0L);
    }

    @Test
    void theFieldPageFromTheSmsLinkSignsArrivesUploadsAPhotoAndCompletes() throws Exception {
        Map<String, Object> t = ticket("PHONE", "URGENT", "020201", "工地围挡倒塌压住人行道", Hotline.freshPhone());
        io.restassured.path.json.JsonPath created = hotline.createTicket(t);
        String ticketId = created.getString("id");
        String number = created.getString("number");
        Map<String, Object> dispatch = hotline.awaitDispatch(ticketId, "assigned", d -> "ASSIGNED".equals(d.get("state")));
        String dispatchId = (String) dispatch.get("id");
        String handlerId = hotline.dispatch(dispatchId).getString("handlerId");
        String handlerPhone = hotline.person(handlerId).getString("phone");
        String text = (String) hotline.awaitSms(handlerPhone, "派单通知", number, "/m/").get("text");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:\\d+/m/([A-Za-z0-9_-]{22})").matcher(text);
        assertThat(link.find()).as("the dispatch SMS carries a short link: " + text).isTrue();
        String path = "/m/" + link.group(1);

        java.nio.file.Path photo = java.nio.file.Path.of("target/site-photo.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2400, 1800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 120, 40));
        g.fillRect(0, 0, 2400, 1800);
        g.dispose();
        javax.imageio.ImageIO.write(image, "png", photo.toFile());

        try (Browser phone = Browser.open(console)) {
            phone.viewport(Browser.PHONE);
            phone.get(path);
            assertThat(phone.waitFor(By.id("field-number"), UI).getText()).isEqualTo(number);
            assertThat(phone.shots("field-assigned")).as("no horizontal scroll at 390 px").isTrue();
            phone.viewport(Browser.PHONE);
            phone.waitFor(By.id("do-sign"), UI).click();
            phone.waitFor(By.id("do-arrive"), UI).click();
            phone.waitFor(By.id("handle-note"), UI).sendKeys("已到现场，围挡已扶正加固，人行道清理完毕");
            phone.driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            await("the photo is uploaded").atMost(UI).ignoreExceptions()
                    .until(() -> phone.driver.findElement(By.id("photo-status")).getAttribute("data-uploaded"), "yes"::equals);
            phone.driver.findElement(By.id("do-handle")).click();
            await("handling").atMost(UI).ignoreExceptions()
                    .until(() -> phone.driver.findElement(By.id("field-state")).getText(), s -> s.startsWith("处置中"));
            assertThat(phone.shots("field-handling")).as("field-handling: no horizontal scroll at 390 px").isTrue();

            // The assisting unit reports its part through a link of its own; only then may the lead complete.
            String street = (String) ((Map<?, ?>) ((List<?>) dispatch.get("assisting")).get(0)).get("unitCode");
            String assistant = (String) hotline.onDuty(street).get(0).get("personId");
            phone.get("/m/" + fieldToken(dispatchId, assistant).split(":")[1]);
            phone.waitFor(By.id("assist-note"), UI).sendKeys("街道已安排网格员现场看护");
            assertThat(phone.shots("field-assist")).as("field-assist: no horizontal scroll at 390 px").isTrue();
            phone.viewport(Browser.PHONE);
            phone.driver.findElement(By.id("do-assist-report")).click();
            await("the assisting part is reported").atMost(UI).until(() -> hotline.dispatch(dispatchId)
                    .getList("assisting.status").stream().noneMatch("PENDING"::equals));

            phone.get(path);
            phone.waitFor(By.id("complete-note"), UI).sendKeys("隐患已消除，已告知来电人");
            phone.driver.findElement(By.id("do-complete")).click();
            await("completed").atMost(UI).ignoreExceptions()
                    .until(() -> phone.driver.findElement(By.id("field-state")).getText(), s -> s.startsWith("已办结"));
            assertThat(phone.shots("field-completed")).as("field-completed: no horizontal scroll at 390 px").isTrue();
        }
        hotline.awaitDispatchState(dispatchId, "COMPLETED");
        List<Map<String, Object>> history = as("dispatcher").when()
                .get(hotline.url("routing", "/api/v1/dispatches/" + dispatchId + "/history")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(history).filteredOn(h -> List.of("sign", "arrive", "handle", "complete").contains(h.get("action")))
                .as("every action through the link is the handler's").hasSize(4).allMatch(h -> handlerId.equals(h.get("actor")));
        List<Map<String, Object>> photos = as("dispatcher").when()
                .get(hotline.url("routing", "/api/v1/tickets/" + ticketId + "/photos")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(photos).singleElement().satisfies(p -> {
            assertThat((Integer) p.get("width")).isLessThanOrEqualTo(1600);
            assertThat(p.get("contentType")).isEqualTo("image/jpeg");
        });

        try (Browser desk = Browser.open(console)) {
            desk.signIn("dispatcher", "/tickets/" + ticketId);
            WebElement img = desk.waitFor(By.cssSelector("#ticket-photos img"), UI);
            await("the photo shows on the ticket page").atMost(UI)
                    .until(() -> ((Number) desk.js("return arguments[0].naturalWidth;", img)).intValue() > 0);
            assertThat(desk.shots("ticket-page")).as("ticket-page: no horizontal scroll at 390 px").isTrue();

            desk.get("/tickets/" + java.util.UUID.randomUUID());
            assertThat(desk.waitFor(By.id("problem-title"), UI).getText()).as("a 404 of intake is a page, not a 500")
                    .contains("找不到");

            desk.get("/m/AAAAAAAAAAAAAAAAAAAAAA");
            assertThat(desk.waitFor(By.id("refused"), UI).getText()).contains("无效");
            String[] link2 = fieldToken(dispatchId, handlerId).split(":");
            desk.get("/m/" + link2[1]);
            assertThat(desk.waitFor(By.id("field-number"), UI).getText()).isEqualTo(number);
            as("dispatcher").when().delete(hotline.url("routing", "/api/v1/field-links/" + link2[0])).then().statusCode(204);
            desk.get("/m/" + link2[1]);
            assertThat(desk.waitFor(By.id("refused"), UI).getText()).contains("已被撤销");
            assertThat(desk.shots("field-refused")).as("field-refused: no horizontal scroll at 390 px").isTrue();
        }
    }

    @Test
    void theCockpitShowsTheKpiApisFiguresAndTheMonthlyReportDownloads() throws Exception {
        String ticketId = hotline.createTicket(ticket("PHONE", "NORMAL", "020201", "小区垃圾清运不及时", Hotline.freshPhone())).getString("id");
        hotline.awaitDispatch(ticketId, "assigned", d -> "ASSIGNED".equals(d.get("state")));
        hotline.awaitTimer(ticketId, "SIGN", "armed", t -> t.get("deadline") != null);
        try (Browser browser = Browser.open(console)) {
            browser.signIn("supervisor", "/cockpit?period=month");
            try {
                await("the cockpit's figures equal GET /api/v1/kpis for its window").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(2)).until(() -> {
                            browser.get("/cockpit?period=month");
                            WebElement city = browser.waitFor(By.id("city-kpis"), UI);
                            String from = city.getAttribute("data-from");
                            String to = city.getAttribute("data-to");
                            return sameFigures(browser, By.cssSelector("#city-kpis"), kpis("city", from, to).get(0))
                                    && sameRows(browser, "county-table", kpis("county", from, to));
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the cockpit never showed GET /api/v1/kpis' figures; last difference: " + lastDifference, e);
            }
            assertThat(browser.driver.findElements(By.cssSelector("#county-table tbody tr[data-code='330523']")))
                    .as("安吉县 is ranked").hasSize(1);
            assertThat(browser.shots("cockpit")).as("cockpit: no horizontal scroll at 390 px").isTrue();

            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "fetch('/cockpit/report.csv?period=month').then(function (r) { return r.text().then(function (t) {"
                            + " done({type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), text: t}); }); });");
            assertThat((String) download.get("type")).startsWith("text/csv");
            assertThat((String) download.get("disposition")).startsWith("attachment; filename=\"hotline-month-");
            assertThat((String) download.get("text")).startsWith("层级,编码,名称,工单数").contains("区县,330523,安吉县,");
            browser.get("/cockpit/report?period=month");
            assertThat(browser.waitFor(By.tagName("h1"), UI).getText()).contains("每月通报");
            assertThat(browser.shots("monthly-report")).as("monthly-report: no horizontal scroll at 390 px").isTrue();
        }
    }

    private static List<Map<String, Object>> kpis(String groupBy, String from, String to) {
        return as("supervisor").queryParam("groupBy", groupBy).queryParam("from", from).queryParam("to", to).when()
                .get(hotline.url("sla", "/api/v1/kpis")).then().statusCode(200).extract().jsonPath().getList("groups");
    }

    private static final List<String> SHOWN = List.of("tickets", "onTimeSignRate", "threeDayCloseRate", "responseRate",
            "resolutionRate", "satisfactionRate", "returnRate", "firstTimeResolutionRate", "overdueCount");

    /** Every figure the element shows (data-kpi / data-value) equals the API's. */
    /** What differed on the last look, for the failure message. */
    private static volatile String lastDifference = "";

    private static boolean sameFigures(Browser browser, By scope, Map<String, Object> api) {
        WebElement element = browser.driver.findElement(scope);
        for (String kpi : SHOWN) {
            List<WebElement> cells = element.findElements(By.cssSelector("[data-kpi='" + kpi + "']"));
            if (cells.size() != 1 || !same(cells.get(0).getAttribute("data-value"), api.get(kpi))) {
                lastDifference = scope + " " + kpi + ": shown " + (cells.size() == 1 ? cells.get(0).getAttribute("data-value")
                        : cells.size() + " cells") + ", API " + api.get(kpi) + " (API group " + api + ")";
                return false;
            }
        }
        return true;
    }

    private static boolean sameRows(Browser browser, String table, List<Map<String, Object>> groups) {
        List<Map<String, Object>> areas = groups.stream().filter(g -> !"NONE".equals(g.get("key"))).toList();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#" + table + " tbody tr[data-code]"));
        if (rows.size() != areas.size()) {
            lastDifference = table + " rows " + rows.stream().map(r -> r.getAttribute("data-code")).toList() + " vs API groups "
                    + areas.stream().map(g -> g.get("key")).toList();
            return false;
        }
        return areas.stream().allMatch(g -> sameFigures(browser,
                By.cssSelector("#" + table + " tbody tr[data-code='" + g.get("key") + "']"), g));
    }

    private static boolean same(String shown, Object api) {
        if (api == null) {
            return shown == null || shown.isEmpty();
        }
        // JsonPath reads 0.3333 as a float; its decimal text, not its widened double, is what the API said.
        return shown != null && !shown.isEmpty() && Double.parseDouble(shown) == Double.parseDouble(api.toString());
    }

    /** "id:token" of a new link. */
    private static String fieldToken(String dispatchId, String personId) {
        io.restassured.path.json.JsonPath issued = as("dispatcher").body(Map.of("personId", personId)).when()
                .post(hotline.url("routing", "/api/v1/dispatches/" + dispatchId + "/field-links"))
                .then().statusCode(201).extract().jsonPath();
        return issued.getString("id") + ":" + issued.getString("token");
    }

    /** Urgent web tickets get a 30-second sign timer: long enough to see, short enough to watch it run out. */
    private static void installDrillPolicy() {
        Map<String, Object> urgent = hotline.policy("URGENT").getMap("$");
        Map<String, Object> policy = new LinkedHashMap<>(urgent);
        policy.put("code", "CONSOLE_DRILL");
        policy.put("name", "浏览器测试：30秒签收");
        policy.put("priority", 900);
        policy.put("match", Map.of("urgencies", List.of("URGENT"), "channels", List.of("WEB")));
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Object stage : (List<?>) urgent.get("stages")) {
            Map<String, Object> copy = new LinkedHashMap<>(castMap(stage));
            if ("SIGN".equals(copy.get("stage"))) {
                copy.put("duration", "PT30S");
            }
            stages.add(copy);
        }
        policy.put("stages", stages);
        hotline.putPolicy("CONSOLE_DRILL", policy);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> ticket(String channel, String urgency, String category, String content, String phone) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("channel", channel);
        t.put("kind", category == null ? "CONSULT" : "COMPLAINT");
        t.put("urgency", urgency);
        if (category != null) {
            t.put("categoryCode", category);
        }
        t.put("content", content);
        t.put("caller", Map.of("name", "王五", "phone", phone));
        t.put("location", Map.of("address", "安吉县昌硕街道胜利西路"));
        return t;
    }
}
