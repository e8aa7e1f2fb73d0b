import { APIRequestContext, APIResponse } from '@playwright/test';
import { expect } from './fixtures';

// Bookings made straight through the public API, as a citizen's browser sends them: another
// person taking seats, a booking to find, check in, manage or see at the desk later.

/// A booking to send: the topic is a patent one and the name 测试 unless the test says otherwise.
export type BookingToSend = {
  venue: string;
  date: string;
  time: string;
  mobile: string;
  topic?: string;
  name?: string;
};

/// What the server answers for a booking made (the parts the tests read).
export type Booked = { manage_token: string; booking: { reference: string } };

/// Sends the booking (with an Idempotency-Key of its own, as the booking pages do) and answers
/// the response as it is: for a test that expects a refusal.
export function sendBooking(request: APIRequestContext, booking: BookingToSend): Promise<APIResponse> {
  return request.post('/api/v1/bookings', {
    data: { topic: 'patent', name: '测试', ...booking },
    headers: { 'Idempotency-Key': `e2e-${Math.random()}` },
  });
}

/// Books: the server must answer 201 Created.
export async function bookViaApi(request: APIRequestContext, booking: BookingToSend): Promise<Booked> {
  const response = await sendBooking(request, booking);
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}
