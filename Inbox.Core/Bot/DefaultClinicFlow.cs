namespace Inbox.Core.Bot;

/// <summary>
/// The flow a new inbox starts with: a clinic's usual questions, ready to edit. Addresses, numbers and prices
/// are placeholders an admin replaces on /admin/bot before switching the bot on.
/// </summary>
public static class DefaultClinicFlow
{
    public static BotFlow Create() => new()
    {
        Welcome = "Hello! This is the clinic's assistant. I can answer common questions and take appointment requests at any hour.",
        ConsentQuestion = "Before I ask for any personal details: do you agree to our terms and privacy notice (https://clinic.example/privacy)? You can write STOP at any time to stop automated messages.",
        ConsentDeclined = "No problem: I will not ask for personal details. I can still answer general questions.",
        MenuPrompt = "How can I help?",
        Menu =
        [
            new() { Id = "hours", Title = "Opening hours", Keywords = "hours, open, opening, close, เวลา, 営業時間, 营业时间, horario", Action = BotMenuAction.Hours,
                Answer = "Public holidays may differ: we post them on our website." },
            new() { Id = "location", Title = "Location", Keywords = "where, address, location, map, directions, ที่อยู่, 場所, 地址, dirección", Action = BotMenuAction.Answer,
                Answer = "We are at 1 Example Road, Example City.\nMap: https://maps.google.com/?q=1+Example+Road+Example+City" },
            new() { Id = "services", Title = "Services & prices", Keywords = "price, prices, cost, fee, services, ราคา, 料金, 价格, precio", Action = BotMenuAction.Answer,
                Answer = "General consultation: 800\nVaccination: from 500\nHealth check-up: from 2,500\nDental cleaning: 1,200" },
            new() { Id = "insurance", Title = "Insurance", Keywords = "insurance, insurer, claim, ประกัน, 保険, 保险, seguro", Action = BotMenuAction.Answer,
                Answer = "We accept most major insurers. Bring your insurance card and ID; we file the claim for you." },
            new() { Id = "book", Title = "Book appointment", Keywords = "book, appointment, booking, schedule, นัด, 予約, 预约, cita", Action = BotMenuAction.Book },
            new() { Id = "report", Title = "My report", Keywords = "report, result, results, lab, ผลตรวจ, 結果, 报告, resultado", Action = BotMenuAction.Handover,
                Answer = "Reports are shared by our staff after checking who you are." },
            new() { Id = "person", Title = "Talk to a person", Keywords = "person, human, agent, staff, someone, nurse, doctor, เจ้าหน้าที่, 担当者, 人工, persona", Action = BotMenuAction.Handover },
        ],
        BookingServices = ["General consultation", "Vaccination", "Health check-up", "Dental cleaning"],
        AskService = "Which service would you like to book?",
        AskPreferredTime = "Which day and time would suit you? (for example: Tuesday morning)",
        AskName = "What is the patient's full name?",
        AskDateOfBirth = "And the patient's date of birth? (for example 1985-04-23 or 23/04/1985)",
        InvalidDateOfBirth = "I could not read that date. Please write it like 1985-04-23 or 23/04/1985.",
        BookingDone = "Thank you! Your appointment request is with our team; they will confirm the time with you.",
        NotUnderstood = "Sorry, I did not understand that.",
        OfferPerson = "Sorry, I still did not understand. Would you like to talk to a person?",
        Transfer = "I am passing you to our team. {wait}",
        WaitInHours = "Someone usually answers within {minutes} minutes.",
        WaitOutOfHours = "We are closed right now; our team is back {opening} and will answer you then.",
        TypicalWaitMinutes = 10,
        EmergencyNumber = "1669",
        UrgentReply = "This may be an emergency. Please call {number} now or go to the nearest emergency department. I am passing you to our team right away.",
        UrgentWords =
        [
            new() { Language = "English", Words = "chest pain, can't breathe, cannot breathe, difficulty breathing, severe bleeding, unconscious, stroke, heart attack, suicidal, suicide, kill myself, overdose" },
            new() { Language = "Thai", Words = "เจ็บหน้าอก, หายใจไม่ออก, เลือดออกมาก, หมดสติ, ฆ่าตัวตาย" },
            new() { Language = "Japanese", Words = "胸の痛み, 胸が痛い, 息ができない, 大量出血, 意識がない, 自殺" },
            new() { Language = "Chinese", Words = "胸痛, 呼吸困难, 大出血, 昏迷, 自杀" },
            new() { Language = "Spanish", Words = "dolor de pecho, no puedo respirar, sangrado abundante, inconsciente, suicidio" },
        ],
        OptOutWords =
        [
            new() { Language = "English", Words = "stop, unsubscribe, opt out, stop all" },
            new() { Language = "Thai", Words = "หยุด, ยกเลิก" },
            new() { Language = "Japanese", Words = "停止, 配信停止" },
            new() { Language = "Chinese", Words = "退订, 停止" },
            new() { Language = "Spanish", Words = "parar, baja, cancelar suscripción" },
        ],
        Hours = new BusinessHours
        {
            TimeZone = "Asia/Bangkok",
            Days = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(17, 0) }),
                new OpeningHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) }],
        },
    };
}
